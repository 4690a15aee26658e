import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

const small = ['--N', '200', '--K', '20', '--rheobase', '1', '--settle', '0.05', '--T', '0.05'];

describe('spikeflow analyze perturbation', () => {
  it('writes distance.parquet (t, d_l2, d_mean_abs), summary.json and the log-y figure', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'spikeflow-perturbation-')), 'run');
    const result = await runCli(['analyze', 'perturbation', ...small, '--eps', '1e-6', '--every', '1ms', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const table = await readTable(join(out, 'distance.parquet'));
    expect(table.schema.fields.map((f) => f.name)).toEqual(['t', 'd_l2', 'd_mean_abs']);
    expect(table.numRows).toBe(51);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.d_initial).toBeCloseTo(1e-6, 15);
    expect(summary.diverged).toBe(false);
    expect(summary.d_final).toBeLessThan(summary.threshold);
    expect(readFileSync(join(out, 'distance.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('reports a drive that cannot drive the phase representation as bad input, leaving no output', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'spikeflow-perturbation-')), 'run');
    const result = await runCli(['analyze', 'perturbation', '--N', '200', '--K', '100', '--rheobase', '0', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/rheobase/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});
