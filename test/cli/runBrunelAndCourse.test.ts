import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spikeflow-cli-brunel-'));
});

const readSummary = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Record<string, unknown>;
const small = ['--N-E', '800', '--N-I', '200'];

describe('spikeflow run brunel', () => {
  it('writes spikes, the summary with the state and the three figures, on two threads', async () => {
    const out = join(dir, 'brunel');
    const result = await runCli(['run', 'brunel', ...small, '--g', '5', '--eta', '2', '--T', '0.3', '--threads', '2', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = readSummary(out);
    expect(summary).toMatchObject({ command: 'run brunel', g: 5, eta: 2, N: 1000, C_E: 80, C_I: 20, threads: 2, T: 0.3 });
    expect(summary.nu_thr_hz as number).toBeCloseTo(125, 9);
    expect(['SR', 'SI-fast', 'SI-slow', 'AI', 'AR', 'Q']).toContain(summary.state);
    for (const key of ['mean_rate_hz', 'mean_cv', 'chi', 'pop_peak_hz']) expect(typeof summary[key]).toBe('number');
    expect(summary.figures).toEqual(['raster.png', 'population_rate.png', 'spectrum.png']);
    for (const file of summary.figures as string[]) expect(existsSync(join(out, file))).toBe(true);
    expect((await readTable(join(out, 'spikes'))).numRows).toBe(summary.spikes);
  });

  it('rejects a delay off the step grid, an unknown method and a unit of the wrong dimension with one line and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--D', '1.55ms'], /^spikeflow: D: expected a multiple of dt = 0\.0001 s, got 0\.00155\d*\n$/],
      [['--method', 'euler-maruyama'], /^spikeflow: method: expected one of exact, euler, rk4, got "euler-maruyama"\n$/],
      [['--tau', '3 nA'], /^spikeflow: tau expects a time, got a current \("3 nA"\)\n$/],
    ];
    for (const [flags, message] of cases) {
      const result = await runCli(['run', 'brunel', ...small, ...flags, '--out', join(dir, `bad-${flags.join('')}`)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});

describe('course models', () => {
  it('run lif-neuron: spike times within one dt of the closed-form solution', async () => {
    const out = join(dir, 'lif');
    const result = await runCli(['run', 'lif-neuron', '--no-figures', '--out', out]);
    expect(result.code).toBe(0);
    const summary = readSummary(out);
    expect(summary).toMatchObject({ spikes: 8, within_one_dt: true });
    expect(summary.analytic_first_spike_s as number).toBeCloseTo(0.02 * Math.log(11), 12);
  });

  it('analyze reliability: the frozen fluctuating current gives more reliable spike times than a constant one', async () => {
    const out = join(dir, 'reliability');
    const result = await runCli(['analyze', 'reliability', '--trials', '10', '--out', out]);
    expect(result.code).toBe(0);
    const summary = readSummary(out);
    expect(summary.reliability_frozen as number).toBeGreaterThan((summary.reliability_constant as number) + 0.1);
    expect(summary.figures).toEqual(['voltage_traces.png', 'rasters.png']);
    expect((await readTable(join(out, 'spikes.parquet'))).numRows).toBeGreaterThan(0);
  });

  it('analyze poisson-input: mean currents near rate·N·w·τ_syn, regular mean-driven and irregular fluctuation-driven firing', async () => {
    const out = join(dir, 'poisson-input');
    const result = await runCli(['analyze', 'poisson-input', '--T', '3', '--no-figures', '--out', out]);
    expect(result.code).toBe(0);
    const summary = readSummary(out);
    expect(summary.mean_current_exc_only_nA as number).toBeCloseTo(1, 1);
    expect(summary.mean_current_ei_nA as number).toBeCloseTo(0.35, 1);
    expect(summary.cv_exc_only as number).toBeLessThan(0.2);
    expect(summary.cv_ei as number).toBeGreaterThan(0.4);
    expect(summary.input_fano_factor as number).toBeCloseTo(1, 1);
  });

  it('run lif-network: rates of both populations', async () => {
    const out = join(dir, 'lif-network');
    const result = await runCli(['run', 'lif-network', '--T', '0.3', '--no-figures', '--out', out]);
    expect(result.code).toBe(0);
    const summary = readSummary(out);
    expect(summary.rate_e_hz as number).toBeGreaterThan(10);
    expect(summary.rate_i_hz as number).toBeGreaterThan(10);
  });
});

describe('spikeflow analyze brunel-phase-diagram', () => {
  it('sweeps a small grid on the worker pool into a Parquet table and the phase-diagram figure', async () => {
    const out = join(dir, 'phase');
    const result = await runCli([
      'analyze', 'brunel-phase-diagram', ...small, '--g-min', '3', '--g-max', '6', '--g-steps', '2',
      '--eta-min', '1', '--eta-max', '3', '--eta-steps', '2', '--T', '0.25', '--workers', '2', '--out', out,
    ]);
    expect(result.code).toBe(0);
    const summary = readSummary(out);
    expect(summary).toMatchObject({ points: 4, g: [3, 6], eta: [1, 3], figures: ['phase_diagram.png'] });
    const table = await readTable(join(out, 'phase_diagram.parquet'));
    expect(table.numRows).toBe(4);
    expect(Array.from(table.getChild('g')!.toArray() as Float64Array)).toEqual([3, 3, 6, 6]);
  });
});
