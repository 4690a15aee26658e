import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ParquetPartWriter,
  RunManifest,
  SpikeflowError,
  columnsToBatch,
  readManifest,
  readTable,
  spikeSchema,
  stateSchema,
} from '../../src/index.js';

let root: string;
let counter = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'spikeflow-parts-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
const freshDir = (): string => join(root, `case-${counter++}`);

type Rows = readonly (readonly [number, number])[];

function spikeBatch(rows: Rows) {
  return columnsToBatch(spikeSchema, {
    neuron: Int32Array.from(rows, ([neuron]) => neuron),
    t: Float64Array.from(rows, ([, t]) => t),
  });
}

function bytesOf(array: Int32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes each batch over one simulated second, [i, i + 1). */
async function writeBatches(writer: ParquetPartWriter, batches: readonly Rows[]): Promise<void> {
  for (let i = 0; i < batches.length; i++) await writer.append(spikeBatch(batches[i]), { t0: i, t1: i + 1 });
}

const spikeRow = fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.double());
const batchesArb = fc.array(fc.array(spikeRow, { maxLength: 30 }), { minLength: 1, maxLength: 8 });

describe('ParquetPartWriter', () => {
  it('round trip: random spike rows in random batches and parts read back bit for bit, in order', async () => {
    await fc.assert(
      fc.asyncProperty(batchesArb, fc.integer({ min: 1, max: 50 }), async (batches, rowsPerPart) => {
        const dir = freshDir();
        const writer = await ParquetPartWriter.open(dir, spikeSchema, { rowsPerPart });
        await writeBatches(writer, batches);
        await writer.close({ complete: true });

        const all = batches.flat();
        const expected = spikeBatch(all);
        const table = await readTable(dir);
        expect(table.numRows).toBe(all.length);
        expect(bytesOf(table.getChild('neuron')!.toArray() as Int32Array)).toEqual(bytesOf(expected.getChild('neuron')!.toArray()));
        expect(bytesOf(table.getChild('t')!.toArray() as Float64Array)).toEqual(bytesOf(expected.getChild('t')!.toArray()));

        // Parts hold whole batches: every part but the last reached rowsPerPart, none overshot by a whole batch.
        const largestBatch = Math.max(...batches.map((batch) => batch.length));
        const parts = (await readdir(dir)).sort();
        const partRows = await Promise.all(parts.map(async (name) => (await readTable(join(dir, name))).numRows));
        expect(partRows.reduce((a, b) => a + b, 0)).toBe(all.length);
        expect(writer.position()).toEqual({ parts: parts.length, rows: all.length });
        for (let i = 0; i < partRows.length - 1; i++) {
          expect(partRows[i]).toBeGreaterThanOrEqual(rowsPerPart);
          expect(partRows[i]).toBeLessThan(rowsPerPart + largestBatch);
        }
      }),
      { seed: 42, numRuns: 25 },
    );
  });

  it('manifest lists every committed part with rows, t0, t1 and the sha256 of its file; complete only after close({ complete: true })', async () => {
    const run = freshDir();
    const manifestPath = join(run, 'manifest.json');
    const writer = await ParquetPartWriter.open(join(run, 'spikes'), spikeSchema, {
      tableName: 'spikes',
      rowsPerPart: 4,
      manifest: manifestPath,
    });
    const batches: Rows[] = [
      [[1, 0.1], [2, 0.2], [3, 0.3]],
      [[4, 1.5]],
      [[5, 2.1], [6, 2.2], [7, 2.3], [8, 2.4], [9, 2.5]],
      [[10, 3.5]],
    ];
    await writeBatches(writer, batches);
    expect(await writer.settled()).toEqual({ parts: 2, rows: 9 });
    const during = await readManifest(manifestPath);
    expect(during.complete).toBe(false);
    expect(during.tables.spikes.parts.map((part) => part.rows)).toEqual([4, 5]);

    await writer.close({ complete: true });
    const manifest = await readManifest(manifestPath);
    expect(manifest.complete).toBe(true);
    expect(manifest.version).toBe(1);
    const parts = manifest.tables.spikes.parts;
    expect(parts.map(({ file, rows, t0, t1 }) => ({ file, rows, t0, t1 }))).toEqual([
      { file: 'spikes/part-00000.parquet', rows: 4, t0: 0, t1: 2 },
      { file: 'spikes/part-00001.parquet', rows: 5, t0: 2, t1: 3 },
      { file: 'spikes/part-00002.parquet', rows: 1, t0: 3, t1: 4 },
    ]);
    expect(manifest.tables.spikes.rows).toBe(10);
    for (const part of parts) expect(part.sha256).toBe(sha256(await readFile(join(run, part.file))));
    expect(await readdir(join(run, 'spikes'))).toEqual(parts.map((part) => part.file.slice('spikes/'.length)));
  });

  it('a shared run manifest is complete only after every table closed cleanly and the run finished', async () => {
    const run = freshDir();
    const manifest = await RunManifest.create(join(run, 'manifest.json'), { seed: 7, duration: 2 });
    const spikes = await ParquetPartWriter.open(join(run, 'spikes'), spikeSchema, { tableName: 'spikes', manifest });
    const state = await ParquetPartWriter.open(join(run, 'state'), stateSchema, { tableName: 'state', manifest });
    await spikes.append(spikeBatch([[0, 0.5]]), { t0: 0, t1: 1 });
    await state.append(
      columnsToBatch(stateSchema, { neuron: Int32Array.of(0, 1), t: Float64Array.of(0, 0), value: Float64Array.of(-0.07, -0.065) }),
      { t0: 0, t1: 1 },
    );
    await spikes.close({ complete: true });
    expect((await readManifest(manifest.path)).complete).toBe(false);
    await expect(manifest.finish()).rejects.toThrow(/state/);
    await state.close({ complete: true });
    await manifest.finish();

    const written = await readManifest(manifest.path);
    expect(written.complete).toBe(true);
    expect(written.params).toEqual({ seed: 7, duration: 2 });
    expect(Object.keys(written.tables).sort()).toEqual(['spikes', 'state']);
    expect(written.tables.state.parts[0]).toMatchObject({ file: 'state/part-00000.parquet', rows: 2 });
    expect((await readTable(join(run, 'state'))).numRows).toBe(2);
  });

  it('commits a part whenever the buffered batches cover flushEverySeconds of simulated time', async () => {
    const run = freshDir();
    const manifest = await RunManifest.create(join(run, 'manifest.json'));
    const writer = await ParquetPartWriter.open(join(run, 'spikes'), spikeSchema, { manifest, flushEverySeconds: 0.5 });
    for (let i = 0; i < 12; i++) {
      await writer.append(spikeBatch([[i, i * 0.1 + 0.05]]), { t0: i * 0.1, t1: (i + 1) * 0.1 });
    }
    expect(await writer.settled()).toEqual({ parts: 2, rows: 10 });
    expect(writer.pendingRows).toBe(2);
    await writer.close({ complete: true });
    const parts = (await readManifest(manifest.path)).tables.spikes.parts;
    expect(parts.map((part) => part.rows)).toEqual([5, 5, 2]);
    expect(parts[0].t0).toBeCloseTo(0, 12);
    expect(parts[0].t1).toBeCloseTo(0.5, 12);
    expect(parts[2].t1).toBeCloseTo(1.2, 12);
  });

  it('writes no empty parts, but a table without rows gets one empty part that carries the schema', async () => {
    const dir = freshDir();
    const writer = await ParquetPartWriter.open(dir, spikeSchema, { flushEverySeconds: 1 });
    await writer.append(spikeBatch([]), { t0: 0, t1: 5 });
    await writer.flush();
    expect(await readdir(dir)).toEqual([]);
    await writer.close({ complete: true });
    expect(await readdir(dir)).toEqual(['part-00000.parquet']);
    const table = await readTable(dir);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((field) => `${field.name}:${String(field.type)}`)).toEqual(['neuron:Int32', 't:Float64']);

    const withRows = freshDir();
    const second = await ParquetPartWriter.open(withRows, spikeSchema);
    await second.append(spikeBatch([[1, 1]]), { t0: 0, t1: 1 });
    await second.flush();
    await second.close({ complete: true });
    expect(await readdir(withRows)).toEqual(['part-00000.parquet']);
  });

  it('readTable ignores a .tmp left by a crash; resumeFrom removes it and the parts beyond the checkpoint, then continues numbering', async () => {
    const run = freshDir();
    const dir = join(run, 'spikes');
    const manifestPath = join(run, 'manifest.json');
    const first = await ParquetPartWriter.open(dir, spikeSchema, { tableName: 'spikes', rowsPerPart: 2, manifest: manifestPath });
    await writeBatches(first, [[[0, 0.1], [1, 0.2]], [[2, 1.1], [3, 1.2]]]);
    const checkpoint = await first.settled();
    expect(checkpoint).toEqual({ parts: 2, rows: 4 });
    await first.append(spikeBatch([[4, 2.1], [5, 2.2]]), { t0: 2, t1: 3 });
    await first.settled();
    // The crash: a part half written, and the process gone without close().
    await writeFile(join(dir, 'part-00003.parquet.tmp'), 'PAR1 torn write');

    const beforeResume = await readTable(dir);
    expect(Array.from(beforeResume.getChild('neuron')!.toArray() as Int32Array)).toEqual([0, 1, 2, 3, 4, 5]);
    expect((await readManifest(manifestPath)).complete).toBe(false);

    const resumed = await ParquetPartWriter.resumeFrom(dir, spikeSchema, checkpoint, {
      tableName: 'spikes',
      rowsPerPart: 2,
      manifest: manifestPath,
    });
    expect((await readdir(dir)).sort()).toEqual(['part-00000.parquet', 'part-00001.parquet']);
    expect(resumed.position()).toEqual(checkpoint);
    await resumed.append(spikeBatch([[40, 2.1], [50, 2.2]]), { t0: 2, t1: 3 });
    await resumed.close({ complete: true });

    expect((await readdir(dir)).sort()).toEqual(['part-00000.parquet', 'part-00001.parquet', 'part-00002.parquet']);
    const table = await readTable(dir);
    expect(Array.from(table.getChild('neuron')!.toArray() as Int32Array)).toEqual([0, 1, 2, 3, 40, 50]);
    const manifest = await readManifest(manifestPath);
    expect(manifest.complete).toBe(true);
    expect(manifest.tables.spikes.parts.map(({ rows, t0, t1 }) => [rows, t0, t1])).toEqual([
      [2, 0, 1],
      [2, 1, 2],
      [2, 2, 3],
    ]);
    for (const part of manifest.tables.spikes.parts) expect(part.sha256).toBe(sha256(await readFile(join(run, part.file))));
  });

  it('resumeFrom rejects a checkpoint that does not match the parts on disk', async () => {
    const dir = freshDir();
    const writer = await ParquetPartWriter.open(dir, spikeSchema, { rowsPerPart: 1 });
    await writeBatches(writer, [[[0, 0]], [[1, 1]]]);
    await writer.close({ complete: false });
    await expect(ParquetPartWriter.resumeFrom(dir, spikeSchema, { parts: 2, rows: 5 })).rejects.toThrow(
      /expected 5 rows in the first 2 parts, found 2/,
    );
    await expect(ParquetPartWriter.resumeFrom(dir, spikeSchema, { parts: 3, rows: 3 })).rejects.toThrow(
      /part-00002\.parquet: missing: expected 3 committed parts/,
    );
    await expect(ParquetPartWriter.resumeFrom(dir, stateSchema, { parts: 2, rows: 2 })).rejects.toThrow(
      /expected columns neuron: Int32, t: Float64, value: Float64, found neuron: Int32, t: Float64/,
    );
  });

  it('refuses to start a new dataset in a directory that already holds parts', async () => {
    const dir = freshDir();
    const writer = await ParquetPartWriter.open(dir, spikeSchema);
    await writer.close({ complete: true });
    const error = await ParquetPartWriter.open(dir, spikeSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpikeflowError);
    expect((error as SpikeflowError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(/expected an empty dataset directory, found 1 part files/);
  });

  it('rejects batches whose columns differ from the schema and invalid options', async () => {
    const dir = freshDir();
    const writer = await ParquetPartWriter.open(dir, spikeSchema);
    const stateBatch = columnsToBatch(stateSchema, { neuron: Int32Array.of(0), t: Float64Array.of(0), value: Float64Array.of(1) });
    await expect(writer.append(stateBatch, { t0: 0, t1: 1 })).rejects.toThrow(
      /batch columns: expected neuron: Int32, t: Float64, got "neuron: Int32, t: Float64, value: Float64"/,
    );
    await expect(writer.append(spikeBatch([]), { t0: 1, t1: 0 })).rejects.toThrow(/finite t0 ≤ t1/);
    await writer.close({ complete: true });
    await expect(writer.append(spikeBatch([]), { t0: 0, t1: 1 })).rejects.toThrow(/closed/);
    await expect(ParquetPartWriter.open(freshDir(), spikeSchema, { rowsPerPart: 0 })).rejects.toThrow(/rowsPerPart: expected an integer ≥ 1/);
  });

  it.skipIf(!existsSync('/dev/full'))(
    'a full disk becomes a one-line environment error naming the part, and committed parts stay intact',
    async () => {
      const run = freshDir();
      const dir = join(run, 'spikes');
      const manifestPath = join(run, 'manifest.json');
      const writer = await ParquetPartWriter.open(dir, spikeSchema, { rowsPerPart: 1, manifest: manifestPath });
      await writer.append(spikeBatch([[1, 0.5]]), { t0: 0, t1: 1 });
      await writer.settled();
      // The next part's temporary file lands on a device that is always full.
      await symlink('/dev/full', join(dir, 'part-00001.parquet.tmp'));
      // its write runs in the background: the failure comes back from the next call
      await writer.append(spikeBatch([[2, 1.5]]), { t0: 1, t1: 2 });
      const error = await writer.append(spikeBatch([[3, 2.5]]), { t0: 2, t1: 3 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SpikeflowError);
      expect((error as SpikeflowError).exitCode).toBe(1);
      expect((error as Error).message).toBe(`${join(dir, 'part-00001.parquet')}: cannot write: no space left on device (ENOSPC)`);
      await expect(writer.flush()).rejects.toBe(error);
      await writer.close({ complete: true });

      expect((await readdir(dir)).sort()).toEqual(['part-00000.parquet']);
      const manifest = await readManifest(manifestPath);
      expect(manifest.complete).toBe(false);
      expect(manifest.tables.spikes.parts).toHaveLength(1);
      expect(manifest.tables.spikes.parts[0].sha256).toBe(sha256(await readFile(join(dir, 'part-00000.parquet'))));
      expect(Array.from((await readTable(dir)).getChild('neuron')!.toArray() as Int32Array)).toEqual([1]);

      // a failure that no append saw is reported by close
      const other = await ParquetPartWriter.open(join(run, 'other'), spikeSchema, { rowsPerPart: 1 });
      await symlink('/dev/full', join(run, 'other', 'part-00000.parquet.tmp'));
      await other.append(spikeBatch([[1, 0.5]]), { t0: 0, t1: 1 });
      await expect(other.close({ complete: true })).rejects.toThrow('no space left on device');
    },
  );
});
