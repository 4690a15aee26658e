import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunManifest, SpikeflowError, readManifest } from '../../src/index.js';

let root: string;
let counter = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'spikeflow-manifest-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
const freshRun = (): string => join(root, `run-${counter++}`);

const part = (file: string, rows: number, t0: number, t1: number) => ({ file, rows, t0, t1, sha256: 'ab'.repeat(32) });

describe('RunManifest', () => {
  it('is written at creation with the params and complete: false, and rewritten after every change', async () => {
    const run = freshRun();
    const manifest = await RunManifest.create(join(run, 'manifest.json'), { seed: 3, model: 'lif' });
    expect(JSON.parse(await readFile(manifest.path, 'utf8'))).toEqual({ version: 1, complete: false, params: { seed: 3, model: 'lif' }, tables: {} });
    await manifest.openTable('spikes');
    await manifest.recordPart('spikes', part('spikes/part-00000.parquet', 10, 0, 1));
    await manifest.recordPart('spikes', part('spikes/part-00001.parquet', 5, 1, 2));
    const written = await readManifest(manifest.path);
    expect(written.tables.spikes.rows).toBe(15);
    expect(written.tables.spikes.parts.map((p) => p.file)).toEqual(['spikes/part-00000.parquet', 'spikes/part-00001.parquet']);
    expect(written).toEqual(manifest.content());
    expect(await readdir(run)).toEqual(['manifest.json']);
  });

  it('serialises concurrent updates from several tables without losing any', async () => {
    const manifest = await RunManifest.create(join(freshRun(), 'manifest.json'));
    await Promise.all([manifest.openTable('a'), manifest.openTable('b')]);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => manifest.recordPart(i % 2 ? 'a' : 'b', part(`${i % 2 ? 'a' : 'b'}/part-${i}.parquet`, i, i, i + 1))),
    );
    const written = await readManifest(manifest.path);
    expect(written.tables.a.parts).toHaveLength(10);
    expect(written.tables.b.parts).toHaveLength(10);
    expect(written.tables.a.rows + written.tables.b.rows).toBe(190);
  });

  it('finishes only when every table closed cleanly; loading it to resume marks it incomplete again', async () => {
    const run = freshRun();
    const manifest = await RunManifest.create(join(run, 'manifest.json'));
    await manifest.openTable('spikes');
    await manifest.closeTable('spikes', false);
    await expect(manifest.finish()).rejects.toThrow(/tables not closed cleanly: spikes/);
    expect((await readManifest(manifest.path)).complete).toBe(false);
    await manifest.closeTable('spikes', true);
    await manifest.finish();
    expect((await readManifest(manifest.path)).complete).toBe(true);

    const resumed = await RunManifest.load(manifest.path);
    const content = await readManifest(resumed.path);
    expect(content.complete).toBe(false);
    expect(content.tables.spikes.complete).toBe(false);
  });

  it('lists part files relative to the run directory and refuses files outside it', async () => {
    const run = freshRun();
    const manifest = await RunManifest.create(join(run, 'manifest.json'));
    expect(manifest.relativeFile(join(run, 'state', 'part-00003.parquet'))).toBe('state/part-00003.parquet');
    expect(() => manifest.relativeFile(join(root, 'elsewhere.parquet'))).toThrow(/expected a part file inside the run directory/);
  });

  it('rejects a file that is not a run manifest, naming it', async () => {
    const path = join(root, 'bad.json');
    await writeFile(path, '{"tables": 3');
    const error = await readManifest(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpikeflowError);
    expect((error as Error).message).toBe(`${path}: expected a JSON run manifest, found text that is not valid JSON`);
    await writeFile(path, '{"version": 1, "tables": {"spikes": {"parts": [{"file": 3}]}}}');
    await expect(readManifest(path)).rejects.toThrow(/expected table "spikes" to list parts as \{file, rows, t0, t1, sha256\}/);
  });
});
