import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { RandomStream, readTable } from '../../src/index.js';
import { CLI, runCli } from '../helpers/cli.js';

// Long enough that kills land mid-run, small enough to finish in a few seconds.
const network = ['run', 'balanced-lif', '--N', '1500', '--K', '150', '--rheobase', '1', '--threads', '1', '--no-figures'];
const T = '24';
const durable = ['--flush-every', '0.05', '--checkpoint-every', '0.5'];

let root: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
let reference: string[];

async function spikeKeys(dir: string): Promise<string[]> {
  const table = await readTable(join(dir, 'spikes'));
  const neuron = table.getChild('neuron')!.toArray() as Int32Array;
  const t = table.getChild('t')!.toArray() as Float64Array;
  return Array.from(neuron, (n, k) => `${n}@${Math.round(t[k] / 1e-4)}`);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/**
 * Starts a run and sends `signal` `delayMs` after it starts; with `afterFirstPart`, the delay counts from the
 * first committed part, so a slow start-up on a loaded machine cannot swallow the signal.
 */
function runAndKill(
  args: string[],
  delayMs: number,
  signal: NodeJS.Signals,
  afterFirstPart?: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer = setTimeout(() => child.kill(signal), delayMs));
    const poll = setInterval(() => {
      if (afterFirstPart === undefined || existsSync(join(afterFirstPart, 'spikes', 'part-00000.parquet'))) {
        clearInterval(poll);
        arm();
      }
    }, 10);
    child.on('close', (code, received) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, signal: received });
    });
  });
}

async function checkCrashedRun(dir: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  for (const path of files(dir)) {
    const name = relative(dir, path);
    if (path.endsWith('.tmp')) continue;
    expect(['manifest.json', 'checkpoint.json', '.spikeflow'].includes(name) || /^spikes\/part-\d{5}\.parquet$/.test(name)).toBe(true);
    if (path.endsWith('.parquet')) {
      const reader = await connection.runAndReadAll(`SELECT count(*) FROM read_parquet('${path}')`);
      expect(Number(reader.getRows()[0][0])).toBeGreaterThanOrEqual(0);
    }
  }
  if (!manifest.complete) {
    // the committed parts hold exactly the reference spikes before their end: at most the open part is lost
    const parts = (manifest.tables.spikes?.parts ?? []) as { t1: number }[];
    if (parts.length === 0) return;
    const committedUntil = parts[parts.length - 1].t1;
    const kept = await spikeKeys(dir);
    const expected = reference.filter((key) => Number(key.split('@')[1]) * 1e-4 < committedUntil - 1e-12);
    expect(kept).toEqual(expected);
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'spikeflow-crash-'));
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  const result = await runCli([...network, '--T', T, '--out', join(root, 'reference')]);
  expect(result.code).toBe(0);
  reference = await spikeKeys(join(root, 'reference'));
}, 120_000);

afterAll(async () => {
  connection.closeSync();
  instance.closeSync();
  await rm(root, { recursive: true, force: true });
});

describe('crash safety and resume', () => {
  const random = new RandomStream(20261123, 'kill-points');
  // delays count from the first committed part, so every kill lands inside the simulation however slow start-up is
  const delays = [0, 1, 2, 3].map(() => Math.floor(random.uniform() * 1500));

  it.each(delays)('after kill -9 %i ms into the run every part is readable and resume reproduces the uninterrupted spikes', async (delay) => {
    const dir = join(root, `killed-${delay}`);
    const args = [...network, '--T', T, ...durable, '--out', dir];
    const ended = await runAndKill(args, delay, 'SIGKILL', dir);
    await checkCrashedRun(dir);
    // a kill in the last moments, after the data was committed and the manifest marked complete, leaves a complete run
    if (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).complete) expect(await spikeKeys(dir)).toEqual(reference);
    else expect(ended.signal).toBe('SIGKILL');
    const resumed = await runCli(['resume', dir, '--no-figures']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(await spikeKeys(dir)).toEqual(reference);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.spikes).toBe(reference.length);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).complete).toBe(true);
  });

  it('SIGINT commits the open part, writes a checkpoint and exits 130; resume completes the run', async () => {
    const dir = join(root, 'sigint');
    const ended = await runAndKill([...network, '--T', T, ...durable, '--out', dir], 300, 'SIGINT', dir);
    expect(ended.code).toBe(130);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.complete).toBe(false);
    expect(existsSync(join(dir, 'checkpoint.json'))).toBe(true);
    const checkpoint = JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8'));
    const parts = manifest.tables.spikes.parts as { t1: number }[];
    expect(parts.at(-1)!.t1).toBeCloseTo(checkpoint.time, 9);
    await checkCrashedRun(dir);
    const resumed = await runCli(['resume', dir, '--no-figures']);
    expect(resumed.code).toBe(0);
    expect(await spikeKeys(dir)).toEqual(reference);
  });

  it('SIGTERM exits 143 with the manifest marked incomplete', async () => {
    const dir = join(root, 'sigterm');
    const ended = await runAndKill([...network, '--T', T, '--flush-every', '0.05', '--out', dir], 300, 'SIGTERM', dir);
    expect(ended.code).toBe(143);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).complete).toBe(false);
    await checkCrashedRun(dir);
  });

  it('extends a finished run with resume --T to exactly the spikes of a longer run', async () => {
    const dir = join(root, 'extend');
    const short = await runCli([...network, '--T', '12', '--checkpoint-every', '1', '--out', dir]);
    expect(short.code).toBe(0);
    const extended = await runCli(['resume', dir, '--T', T, '--no-figures']);
    expect(extended.code).toBe(0);
    expect(await spikeKeys(dir)).toEqual(reference);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).T).toBe(24);
  });

  it('refuses to resume a directory that is not a run', async () => {
    const result = await runCli(['resume', root]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
