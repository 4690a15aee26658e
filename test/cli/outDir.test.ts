import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const small = ['run', 'balanced-lif', '--N', '50', '--K', '10', '--rheobase', '1', '--T', '0.05', '--no-figures'];

describe('--out handling', () => {
  it('refuses a non-empty directory that is not a spikeflow output and leaves its files alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spikeflow-out-'));
    writeFileSync(join(dir, 'manifest.json'), '{"name": "somebody else\'s web app"}');
    const result = await runCli([...small, '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^spikeflow: out: expected an empty directory or an earlier spikeflow output/);
    expect(readdirSync(dir)).toEqual(['manifest.json']);
  });

  it('replaces an earlier spikeflow output in place', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'spikeflow-out-')), 'run');
    expect((await runCli([...small, '--seed', '1', '--out', dir])).code).toBe(0);
    writeFileSync(join(dir, 'stale.txt'), 'from the first run');
    expect((await runCli([...small, '--seed', '2', '--out', dir])).code).toBe(0);
    expect(existsSync(join(dir, 'stale.txt'))).toBe(false);
    expect(existsSync(join(dir, 'summary.json'))).toBe(true);
  });

  it('leaves an existing empty directory in place, and empty, after bad input', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'spikeflow-out-')), 'empty');
    mkdirSync(dir);
    const result = await runCli([...small, '--init', join(dir, 'missing.parquet'), '--out', dir]);
    expect(result.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});
