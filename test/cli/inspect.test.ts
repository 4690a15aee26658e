import { beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table, tableToIPC } from 'apache-arrow';
import {
  columnsToBatch,
  edgeSchema,
  formatInspection,
  inspectPath,
  ParquetPartWriter,
  readTable,
  RunManifest,
  SpikeflowError,
  spikeSchema,
  stateSchema,
  writeParquetFile,
  type RunInfo,
  type TableFileInfo,
} from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
let run: string;

const spikes = (neuron: number[], t: number[]) => columnsToBatch(spikeSchema, { neuron: Int32Array.from(neuron), t: Float64Array.from(t) });
const spikeColumns = [
  { name: 'neuron', type: 'Int32', nullable: false },
  { name: 't', type: 'Float64', nullable: false },
];

/** Runs `spikeflow inspect` and expects success with nothing on stderr. */
async function inspect(...args: string[]): Promise<string> {
  const result = await runCli(['inspect', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spikeflow-inspect-'));
  run = join(dir, 'run');
  const args = ['--N', '100', '--K', '10', '--rheobase', '1', '--T', '0.2', '--chunk', '0.05', '--flush-every', '0.05', '--no-figures'];
  const result = await runCli(['run', 'balanced-lif', ...args, '--out', run]);
  expect(result.code).toBe(0);
});

describe('spikeflow inspect', () => {
  it('describes a complete run directory: parameters, tables, parts, time span and summary, as text or JSON', async () => {
    const rows = (await readTable(join(run, 'spikes'))).numRows;
    const info = JSON.parse(await inspect(run, '--json'));
    expect(info.kind).toBe('run');
    expect(info.complete).toBe(true);
    expect(info.checkpoint).toEqual({ exists: false, time: null });
    expect(info.params.values).toMatchObject({ N: 100, K: 10, T: 0.2 });
    expect(info.tables).toHaveLength(1);
    const [table] = info.tables;
    expect(table).toMatchObject({ name: 'spikes', rows, complete: true, span: { t0: 0 }, columns: spikeColumns });
    expect(table.parts).toBeGreaterThanOrEqual(3);
    expect(table.span.t1).toBeCloseTo(0.2, 12);
    expect(info.summary).toMatchObject({ command: 'run balanced-lif', N: 100, spikes: rows });
    expect(info.summary.params).toBeUndefined();

    const text = await inspect(run);
    expect(text).toContain(`run directory ${run}\n  complete: yes\n  parameters:\n    command = run balanced-lif\n    values:\n      N = 100\n`);
    expect(text).toContain(`  table spikes: ${rows} rows in ${table.parts} parts, t in [0, 0.2) s\n    columns: neuron: Int32, t: Float64\n`);
    expect(text).toMatch(new RegExp(`\\n {4}spikes = ${rows}\\n`));
  });

  it('prints a table file as text', async () => {
    const path = join(dir, 'cli-spikes.parquet');
    await writeParquetFile(path, spikeSchema, [spikes([2, 0, 1], [0.125, 0.5, 1.75])]);
    expect(await inspect(path)).toBe(`file ${path}\n  rows: 3\n  columns: neuron: Int32, t: Float64\n  t: 0.125 to 1.75\n`);
  });

  it.each([
    ['a missing path', ['/nonexistent/run'], /^spikeflow: \/nonexistent\/run: expected a run directory, a dataset directory .* found nothing at this path$/],
    ['a file that is not a table', ['GARBAGE'], /GARBAGE\.txt: expected a Parquet or Arrow IPC file, found text starting "hello world"$/],
    ['no path at all', [], /^spikeflow: missing required argument 'path'$/],
  ])('rejects %s with one line and exit code 2', async (_name, args, message) => {
    const garbage = join(dir, 'GARBAGE.txt');
    await writeFile(garbage, 'hello world\n');
    const result = await runCli(['inspect', ...args.map((arg) => (arg === 'GARBAGE' ? garbage : arg))]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

describe('inspectPath', () => {
  it('reports an interrupted run as incomplete with its last committed time and checkpoint', async () => {
    const out = join(dir, 'interrupted');
    const manifest = await RunManifest.create(join(out, 'manifest.json'), { command: 'run balanced-lif', values: { N: 5, T: 1 } });
    const writer = await ParquetPartWriter.open(join(out, 'spikes'), spikeSchema, { tableName: 'spikes', manifest });
    await writer.append(spikes([0, 3], [0.01, 0.2]), { t0: 0, t1: 0.25 });
    await writer.flush();
    await writer.append(spikes([4], [0.3]), { t0: 0.25, t1: 0.5 });
    await writer.flush();
    const state = await ParquetPartWriter.open(join(out, 'state'), stateSchema, { tableName: 'state', manifest });
    const sample = columnsToBatch(stateSchema, { neuron: Int32Array.of(0), t: Float64Array.of(0), value: Float64Array.of(0.5) });
    await state.append(sample, { t0: 0, t1: 0.25 });
    await state.flush();
    await writeFile(join(out, 'checkpoint.json'), JSON.stringify({ version: 1, time: 0.5 }));

    const info = (await inspectPath(out)) as RunInfo;
    expect(info.complete).toBe(false);
    expect(info.lastCommittedTime).toBe(0.5);
    expect(info.checkpoint).toEqual({ exists: true, time: 0.5 });
    expect(info.summary).toBeNull();
    expect(info.tables.map((t) => [t.name, t.rows, t.parts, t.complete, t.span])).toEqual([
      ['spikes', 3, 2, false, { t0: 0, t1: 0.5 }],
      ['state', 1, 1, false, { t0: 0, t1: 0.25 }],
    ]);
    expect(info.tables[1].columns!.map((c) => c.name)).toEqual(['neuron', 't', 'value']);

    const text = formatInspection(info);
    expect(text).toContain('complete: no (committed up to t = 0.5 s; checkpoint: yes (t = 0.5 s))');
    expect(text).toContain('table spikes: 3 rows in 2 parts, t in [0, 0.5) s, incomplete');
    expect(text).toContain('table state: 1 rows in 1 part, t in [0, 0.25) s, incomplete');
  });

  it('describes Parquet and Arrow files and dataset directories from their data', async () => {
    const batch = spikes([2, 0, 1], [0.125, 0.5, 1.75]);
    const parquet = join(dir, 'spikes.parquet');
    const arrow = join(dir, 'spikes.arrow');
    await writeParquetFile(parquet, spikeSchema, [batch]);
    await writeFile(arrow, tableToIPC(new Table([batch]), 'file'));
    for (const path of [parquet, arrow]) {
      expect(await inspectPath(path)).toEqual({ kind: 'file', path, columns: spikeColumns, rows: 3, parts: 1, time: { min: 0.125, max: 1.75 } });
    }

    const dataset = join(dir, 'dataset');
    const writer = await ParquetPartWriter.open(dataset, spikeSchema, { rowsPerPart: 2 });
    await writer.append(spikes([1, 2], [0.25, 0.5]), { t0: 0, t1: 1 });
    await writer.append(spikes([3], [1.5]), { t0: 1, t1: 2 });
    await writer.close({ complete: true });
    const info = await inspectPath(dataset);
    expect(formatInspection(info)).toBe(`dataset directory ${dataset} (2 parts)\n  rows: 3\n  columns: neuron: Int32, t: Float64\n  t: 0.25 to 1.5`);

    const runSpikes = (await inspectPath(join(run, 'spikes'))) as TableFileInfo;
    expect(runSpikes.kind).toBe('dataset');
    expect(runSpikes.rows).toBe((await readTable(join(run, 'spikes'))).numRows);
    expect(runSpikes.time!.max).toBeLessThan(0.2);

    const edges = join(dir, 'edges.parquet');
    const pairSchema = edgeSchema(false);
    await writeParquetFile(edges, pairSchema, [columnsToBatch(pairSchema, { pre: Int32Array.of(0), post: Int32Array.of(1) })]);
    expect(await inspectPath(edges)).toMatchObject({ kind: 'file', rows: 1, time: null });
  });

  it('rejects a directory with neither a manifest nor parts', async () => {
    const empty = join(dir, 'empty');
    await mkdir(empty, { recursive: true });
    const error = await inspectPath(empty).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpikeflowError);
    expect((error as SpikeflowError).exitCode).toBe(2);
    expect((error as SpikeflowError).message).toMatch(/found a directory without manifest.json or parts$/);
  });
});
