import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

describe('spikeflow analyze seed-000', () => {
  it('runs tasks 1–6 into one directory with every table, summary and a README of the results', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'spikeflow-seed000-')), 'run');
    const args = ['--N', '200', '--K', '20', '--rheobase', '1', '--settle', '0.05', '--task1-T', '0.2', '--T', '0.05', '--realizations', '2', '--grid', '4'];
    const result = await runCli(['analyze', 'seed-000', ...args, '--no-figures', '--out', out]);
    expect(result.code).toBe(0);
    for (const file of ['task1/spikes', 'perturbation/eps_1e-4/distance.parquet', 'divergence/divergence.parquet', 'flux-tubes/flux_tubes.parquet', 'README.md']) {
      expect(existsSync(join(out, file))).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.eps).toHaveLength(15);
    expect(summary.p_diverge).toHaveLength(15);
    expect(summary.flux_tubes.tubes).toBeGreaterThanOrEqual(1);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toMatch(/ε_ft = /);
  });
});
