import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Field, Float64, Int32, Schema } from 'apache-arrow';
import { columnsToBatch, readTable, writeEdgeList, writeParquetFile, type Csr } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

const fixture = new URL('../../fixtures/balanced-lif-small/', import.meta.url);
const network = JSON.parse(readFileSync(new URL('network.json', fixture), 'utf8')) as { N: number; edges: [number, number][] };
const init = JSON.parse(readFileSync(new URL('init.json', fixture), 'utf8')) as { V: number[] };
const expected = JSON.parse(readFileSync(new URL('spikes.json', fixture), 'utf8')) as { spikes: [number, number][] };

function csrOf(size: number, edges: [number, number][]): Csr {
  const offsets = new Int32Array(size + 1);
  for (const [pre] of edges) offsets[pre + 1]++;
  for (let i = 0; i < size; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, size);
  const targets = new Int32Array(edges.length);
  for (const [pre, post] of edges) targets[fill[pre]++] = post;
  return { size, offsets, targets };
}

const vSchema = new Schema([new Field('V', new Float64(), false)]);
let dir: string;
const small = ['--N', '50', '--K', '10', '--rheobase', '1', '--T', '0.2', '--no-figures'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spikeflow-cli-'));
  await writeEdgeList(csrOf(network.N, network.edges), join(dir, 'network.parquet'));
  await writeEdgeList(csrOf(network.N, network.edges), join(dir, 'network.arrow'));
  await writeParquetFile(join(dir, 'init.parquet'), vSchema, [columnsToBatch(vSchema, { V: Float64Array.from(init.V) })]);
  await writeParquetFile(join(dir, 'short-init.parquet'), vSchema, [columnsToBatch(vSchema, { V: Float64Array.from(init.V.slice(0, 49)) })]);
  const edgeSchema = new Schema([new Field('pre', new Int32(), false), new Field('post', new Int32(), false)]);
  await writeParquetFile(join(dir, 'out-of-range.parquet'), edgeSchema, [columnsToBatch(edgeSchema, { pre: Int32Array.from([0, 1]), post: Int32Array.from([1, 50]) })]);
  const wrongSchema = new Schema([new Field('source', new Int32(), false), new Field('post', new Int32(), false)]);
  await writeParquetFile(join(dir, 'no-pre.parquet'), wrongSchema, [columnsToBatch(wrongSchema, { source: Int32Array.from([0]), post: Int32Array.from([1]) })]);
  await writeFile(join(dir, 'garbage.parquet'), 'this is not a parquet file');
});

describe('spikeflow run balanced-lif', () => {

  it('warns on stderr, and still runs, when --threads exceeds the cores', async () => {
    const out = join(dir, 'oversubscribed');
    const cores = availableParallelism();
    const result = await runCli(['run', 'balanced-lif', ...small, '--threads', String(cores + 1), '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: --threads ${cores + 1} is more than the ${cores} cores here`);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    const quiet = await runCli(['run', 'balanced-lif', ...small, '--threads', '1', '--out', join(dir, 'one-thread')]);
    expect(quiet.stderr).not.toContain('warning');
  });
  it('reproduces the golden spike train of the fixture network exactly, from Parquet and Arrow inputs', async () => {
    for (const networkFile of ['network.parquet', 'network.arrow']) {
      const out = join(dir, `golden-${networkFile}`);
      const result = await runCli(['run', 'balanced-lif', ...small, '--network', join(dir, networkFile), '--init', join(dir, 'init.parquet'), '--out', out]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const spikes = await readTable(join(out, 'spikes'));
      const neuron = spikes.getChild('neuron')!.toArray() as Int32Array;
      const t = spikes.getChild('t')!.toArray() as Float64Array;
      const observed = Array.from(neuron, (n, k) => [n, Math.round(t[k] / 1e-4)]);
      expect(observed).toEqual(expected.spikes);
      // spike times are exactly step · dt
      expect(Array.from(t)).toEqual(expected.spikes.map(([, step]) => step * 1e-4));
    }
  });

  it('writes summary.json with the run parameters and statistics', async () => {
    const out = join(dir, 'summary');
    const result = await runCli(['run', 'balanced-lif', ...small, '--seed', '3', '--out', out]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    for (const key of ['N', 'K', 'T', 'seed', 'spikes', 'mean_rate_hz', 'mean_cv', 'wall_s', 'synaptic_events', 'params']) expect(summary).toHaveProperty(key);
    expect(summary.N).toBe(50);
    expect(summary.seed).toBe(3);
    expect(summary.mean_rate_hz).toBeCloseTo(summary.spikes / 50 / 0.2, 10);
    expect(summary.params['tau-m']).toBe(0.01);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.complete).toBe(true);
    expect(manifest.tables.spikes.rows).toBe(summary.spikes);
  });

  it('renders the four task-1 figures as PNG', async () => {
    const out = join(dir, 'figures');
    const result = await runCli(['run', 'balanced-lif', '--N', '200', '--K', '20', '--rheobase', '1', '--T', '0.3', '--out', out]);
    expect(result.code).toBe(0);
    for (const file of ['raster.png', 'voltage_trace.png', 'rate_distribution.png', 'cv_distribution.png']) {
      const bytes = readFileSync(join(out, file));
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    }
  });

  const badInputs: [string, string[], RegExp][] = [
    ['non-numeric N', ['--N', 'ten'], /^spikeflow: N: expected an integer ≥ 1, got "ten"$/],
    ['NaN T', ['--T', 'NaN'], /^spikeflow: T: expected a time > 0/],
    ['infinite rate', ['--rate', 'Infinity'], /^spikeflow: rate: expected a frequency > 0/],
    ['zero K', ['--K', '0'], /^spikeflow: K: expected an integer > 0/],
    ['negative tau-m', ['--tau-m', '-10ms'], /^spikeflow: tau-m: expected a time > 0/],
    ['zero dt', ['--dt', '0'], /^spikeflow: dt: expected a time > 0/],
    ['K ≥ N', ['--K', '50'], /^spikeflow: K: expected less than N = 50, got 50$/],
    ['dt ≥ tau-m', ['--dt', '20ms'], /^spikeflow: dt: expected less than tau-m/],
    ['T off the dt grid', ['--T', '0.20005'], /^spikeflow: T: expected a multiple of dt/],
    ['a unit of the wrong dimension', ['--tau-m', '3 nA'], /^spikeflow: tau-m expects a time, got a current/],
    ['an unknown flag', ['--speed', '3'], /^spikeflow: unknown option '--speed'/],
    ['a network index outside [0, N)', ['--network', 'out-of-range.parquet'], /out-of-range\.parquet: .*post.*50/],
    ['a network without a pre column', ['--network', 'no-pre.parquet'], /no-pre\.parquet: .*pre/],
    ['an unreadable network file', ['--network', 'garbage.parquet'], /garbage\.parquet: .*expected/],
    ['an init file of the wrong length', ['--init', 'short-init.parquet'], /short-init\.parquet: expected 50 rows .* found 49/],
    ['a missing init file', ['--init', 'missing.parquet'], /missing\.parquet: no such file/],
  ];

  it.each(badInputs)('rejects %s with one line, exit code 2 and no output directory', async (_name, args, message) => {
    const out = join(dir, `bad-${_name.replace(/\W+/g, '-')}`);
    const resolved = args.map((arg) => (arg.endsWith('.parquet') ? join(dir, arg) : arg));
    const result = await runCli(['run', 'balanced-lif', ...small, ...resolved, '--out', out]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('reports an unwritable --out in one line with exit code 1', async () => {
    const result = await runCli(['run', 'balanced-lif', ...small, '--out', join(dir, 'init.parquet', 'sub')]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^spikeflow: out: cannot create directory .*init\.parquet\/sub/);
  });

  it('lists pipelines with their parameters and defaults', async () => {
    const result = await runCli(['list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/spikeflow run balanced-lif/);
    expect(result.stdout).toMatch(/--tau-m\s+\[10 ms\]/);
    expect(result.stdout).toMatch(/--N\s+\[10000\]/);
  });

  it('prints help for every verb with exit code 0', async () => {
    for (const args of [['--help'], ['run', '--help'], ['run', 'balanced-lif', '--help'], ['list', '--help']]) {
      const result = await runCli(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Usage: spikeflow/);
    }
  });
});
