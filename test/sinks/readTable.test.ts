import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import {
  ParquetPartWriter,
  RunManifest,
  SpikeflowError,
  columnsToBatch,
  readTable,
  spikeSchema,
  stateSchema,
  writeParquetFile,
} from '../../src/index.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'spikeflow-read-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const batch = columnsToBatch(spikeSchema, { neuron: Int32Array.of(4, 0, 2), t: Float64Array.of(0.001, 0.002, 0.0035) });

async function errorOf(promise: Promise<unknown>): Promise<SpikeflowError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SpikeflowError);
  return error as SpikeflowError;
}

function neurons(table: Awaited<ReturnType<typeof readTable>>): number[] {
  return Array.from(table.getChild('neuron')!.toArray() as Int32Array);
}

describe('readTable', () => {
  it('reads a Parquet file, an Arrow IPC file and an Arrow IPC stream, whatever their extension', async () => {
    const parquet = join(root, 'spikes.parquet');
    await writeParquetFile(parquet, spikeSchema, [batch]);
    const file = join(root, 'spikes.feather');
    await writeFile(file, tableToIPC((await readTable(parquet)), 'file'));
    const stream = join(root, 'spikes.arrows');
    await writeFile(stream, tableToIPC((await readTable(parquet)), 'stream'));
    const misnamed = join(root, 'spikes.data');
    await writeFile(misnamed, await readFile(parquet));
    for (const path of [parquet, file, stream, misnamed]) {
      const table = await readTable(path);
      expect(neurons(table)).toEqual([4, 0, 2]);
      expect(Array.from(table.getChild('t')!.toArray() as Float64Array)).toEqual([0.001, 0.002, 0.0035]);
    }
  });

  it('lists a dataset by its manifest, in commit order, from the table directory or a one-table run directory', async () => {
    const run = join(root, 'run');
    const manifest = await RunManifest.create(join(run, 'manifest.json'));
    const writer = await ParquetPartWriter.open(join(run, 'spikes'), spikeSchema, { manifest, rowsPerPart: 1 });
    for (let i = 0; i < 12; i++) {
      await writer.append(columnsToBatch(spikeSchema, { neuron: Int32Array.of(i), t: Float64Array.of(i) }), { t0: i, t1: i + 1 });
    }
    await writer.close({ complete: true });
    // A part on disk that the manifest does not list (written after the last manifest update) is not read.
    await writeParquetFile(join(run, 'spikes', 'part-00012.parquet'), spikeSchema, [batch]);
    const expected = Array.from({ length: 12 }, (_, i) => i);
    expect(neurons(await readTable(join(run, 'spikes')))).toEqual(expected);
    expect(neurons(await readTable(run))).toEqual(expected);
  });

  it('without a manifest, reads part-*.parquet in numeric order and never a .tmp', async () => {
    const dir = join(root, 'bare');
    await mkdir(dir);
    await writeParquetFile(join(dir, 'part-00010.parquet'), spikeSchema, [
      columnsToBatch(spikeSchema, { neuron: Int32Array.of(10), t: Float64Array.of(1) }),
    ]);
    await writeParquetFile(join(dir, 'part-00009.parquet'), spikeSchema, [
      columnsToBatch(spikeSchema, { neuron: Int32Array.of(9), t: Float64Array.of(0) }),
    ]);
    await writeFile(join(dir, 'part-00011.parquet.tmp'), 'PAR1 torn');
    await writeFile(join(dir, 'notes.txt'), 'not a part');
    expect(neurons(await readTable(dir))).toEqual([9, 10]);
  });

  it('asks for a table directory when a run directory holds several tables', async () => {
    const run = join(root, 'two-tables');
    const manifest = await RunManifest.create(join(run, 'manifest.json'));
    for (const [name, schema] of [['spikes', spikeSchema], ['state', stateSchema]] as const) {
      const writer = await ParquetPartWriter.open(join(run, name), schema, { manifest });
      await writer.close({ complete: true });
    }
    const error = await errorOf(readTable(run));
    expect(error.message).toBe(`${run}: expected one table, found a run directory with tables spikes, state (read e.g. ${join(run, 'spikes')})`);
  });

  it('names the file and what was expected for unknown, damaged, empty or missing inputs', async () => {
    const csv = join(root, 'spikes.csv');
    await writeFile(csv, 'neuron,t\n1,0.5\n');
    expect((await errorOf(readTable(csv))).message).toBe(
      `${csv}: expected a Parquet or Arrow IPC file, found text starting "neuron,t"`,
    );

    const truncated = join(root, 'truncated.parquet');
    const bytes = await readFile(join(root, 'spikes.parquet'));
    await writeFile(truncated, bytes.subarray(0, bytes.length - 20));
    const damaged = await errorOf(readTable(truncated));
    expect(damaged.exitCode).toBe(2);
    expect(damaged.message).toMatch(new RegExp(`^${truncated}: expected a Parquet or Arrow IPC file, found a damaged Parquet file \\(`));

    const empty = join(root, 'empty.arrow');
    await writeFile(empty, '');
    expect((await errorOf(readTable(empty))).message).toBe(`${empty}: expected a Parquet or Arrow IPC file, found an empty file`);

    const binary = join(root, 'random.bin');
    await writeFile(binary, Uint8Array.of(0, 1, 2, 3, 200, 201, 202, 203));
    expect((await errorOf(readTable(binary))).message).toMatch(/found a file with neither signature \(extension \.bin\)$/);

    const missing = join(root, 'nope.parquet');
    expect((await errorOf(readTable(missing))).message).toBe(
      `${missing}: expected a Parquet or Arrow IPC file or a dataset directory, found nothing at this path`,
    );

    const noParts = join(root, 'no-parts');
    await mkdir(noParts);
    expect((await errorOf(readTable(noParts))).message).toMatch(/found a directory without parts$/);
  });
});
