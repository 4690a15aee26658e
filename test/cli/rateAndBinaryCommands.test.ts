import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spikeflow-cli-rate-'));
});

type Summary = Record<string, unknown>;
const readSummary = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;

async function run(args: string[], name: string): Promise<{ out: string; summary: Summary }> {
  const out = join(dir, name);
  const result = await runCli([...args, '--out', out]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { out, summary: readSummary(out) };
}

function expectFiles(out: string, summary: Summary): void {
  for (const file of [...(summary.tables as string[]), ...(summary.figures as string[])]) expect(existsSync(join(out, file))).toBe(true);
}

async function columns(path: string, names: string[]): Promise<Record<string, number[]>> {
  const table = await readTable(path);
  return Object.fromEntries(names.map((name) => [name, Array.from(table.getChild(name)!.toArray() as ArrayLike<number>)]));
}

describe('rate and binary network commands', () => {
  it('analyze ei-stability writes fixed points with eigenvalues, Jacobian and class, tables and both figures', async () => {
    const { out, summary } = await run(['analyze', 'ei-stability', '--T', '20ms'], 'ei');
    const points = summary.fixed_points as Summary[];
    expect(points).toHaveLength(3);
    for (const point of points) {
      expect(Object.keys(point)).toEqual(expect.arrayContaining(['v_e', 'v_i', 'eigenvalues', 'jacobian', 'class']));
      expect((point.eigenvalues as number[][]).flat()).toHaveLength(4);
      expect((point.jacobian as number[][]).flat()).toHaveLength(4);
    }
    expect(summary.figures).toEqual(['phase_plane.png', 'time_courses.png']);
    expectFiles(out, summary);
    expect((await readTable(join(out, 'fixed_points.parquet'))).numRows).toBe(3);
  });

  it('analyze rate-chaos reports λ_max, the first k exponents, Δ(τ) and traces', async () => {
    const { out, summary } = await run(['analyze', 'rate-chaos', '--N', '30', '--g', '2.5', '--T', '20', '--transient', '5', '--exponents', '3', '--max-lag', '4'], 'chaos');
    expect(typeof summary.lambda_max).toBe('number');
    expect(summary.exponents).toHaveLength(3);
    expect(summary.lambda_max).toBe((summary.exponents as number[])[0]);
    expectFiles(out, summary);
    const delta = await columns(join(out, 'autocorrelation.parquet'), ['tau', 'delta']);
    expect(delta.tau).toHaveLength(21);
    expect(delta.delta[0]).toBe(summary.delta_0);
    expect(typeof summary.lambda_max_standard_error).toBe('number');
    // the exported network reproduces the run exactly
    const again = await run(['analyze', 'rate-chaos', '--N', '30', '--T', '20', '--transient', '5', '--exponents', '3', '--network', join(out, 'network.parquet'), '--no-figures'], 'chaos-network');
    expect(again.summary.exponents).toEqual(summary.exponents);
  });

  it('analyze rate-chaos-sweep gives identical results on 1 and 2 workers', async () => {
    const args = ['analyze', 'rate-chaos-sweep', '--N-list', '12,24', '--g-min', '0.5', '--g-max', '2.5', '--g-steps', '3', '--T', '10', '--transient', '2', '--no-figures'];
    const one = await run([...args, '--workers', '1'], 'sweep1');
    const two = await run([...args, '--workers', '2'], 'sweep2');
    expect(two.summary.sizes).toEqual(one.summary.sizes);
    const names = ['N', 'g', 'realization', 'lambda_max'];
    expect(await columns(join(two.out, 'rate_chaos_sweep.parquet'), names)).toEqual(await columns(join(one.out, 'rate_chaos_sweep.parquet'), names));
    expect((one.summary.sizes as Summary[]).map((s) => s.N)).toEqual([12, 24]);
  });

  it('run binary-balanced reports measured and balance activities, spikes and the input figure', async () => {
    const { out, summary } = await run(['run', 'binary-balanced', '--NE', '60', '--NI', '20', '--K', '10', '--m0', '0.6', '--T', '0.1', '--transient', '0.02', '--trace-duration', '0.05'], 'binary');
    for (const key of ['m_e', 'm_i', 'balance_m_e', 'balance_m_i', 'mean_field_m_e', 'mean_field_m_i']) expect(typeof summary[key]).toBe('number');
    expect(summary.balance_m_e).toBeCloseTo(0.6, 12);
    expect(summary.figures).toEqual(['inputs.png']);
    expect(existsSync(join(out, 'inputs.png'))).toBe(true);
    expect((await readTable(join(out, 'spikes'))).numRows).toBe(summary.spikes);
  });

  it('analyze binary-balance-sweep fits the slope against m0 for each K', async () => {
    const { out, summary } = await run(
      ['analyze', 'binary-balance-sweep', '--NE', '100', '--NI', '100', '--K-list', '10,20', '--m0-list', '0.5,0.7', '--T', '0.05', '--transient', '0.01', '--workers', '2', '--no-figures'],
      'binarySweep',
    );
    const byK = summary.by_K as Summary[];
    expect(byK.map((s) => s.K)).toEqual([10, 20]);
    for (const s of byK) expect(Object.keys(s.fit_e as Summary)).toEqual(expect.arrayContaining(['slope', 'balance_slope', 'mean_field_slope', 'mean_offset']));
    expect(summary.largest_K).toMatchObject({ K: 20, balance_slope_e: 1, balance_slope_i: 1 });
    expectFiles(out, summary);
  });

  it('analyze deep-chaos writes the critical line with the required σ_b and simulations on both sides', async () => {
    const { out, summary } = await run(['analyze', 'deep-chaos', '--width', '40', '--depth', '4', '--trials', '1', '--no-figures'], 'deep');
    const line = summary.critical_line as { sigma_b: number; sigma_w: number }[];
    expect(line.map((p) => p.sigma_b)).toEqual([0, 0.05, 0.1, 0.2, 0.3, 0.5, 1]);
    expect(line[0].sigma_w).toBe(1);
    expect((summary.simulation as Summary[]).map((s) => s.side)).toEqual(['ordered', 'chaotic']);
    expectFiles(out, summary);
  });

  it('rejects impossible requests with one line and exit 2 before creating output', async () => {
    const cases: [string[], RegExp][] = [
      [['analyze', 'rate-chaos', '--N', '10', '--exponents', '11'], /^spikeflow: exponents: expected at most N = 10, got 11\n$/],
      [['analyze', 'ei-stability', '--transfer', 'relu'], /^spikeflow: transfer: expected one of linear, threshold-linear, sigmoid, got "relu"\n$/],
      [['run', 'binary-balanced', '--K', '200'], /^spikeflow: K: expected at most NI = 100 \(connection probability K\/N_I ≤ 1\), got 200\n$/],
      [['analyze', 'deep-chaos', '--sigma-w-chaotic', '1.1'], /^spikeflow: sigma-w-chaotic: expected a σ_w on the chaotic side/],
    ];
    for (const [args, message] of cases) {
      const out = join(dir, `bad-${args.join('')}`);
      const result = await runCli([...args, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });
});
