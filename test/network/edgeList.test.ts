import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { SpikeflowError, readEdgeList, writeEdgeList } from '../../src/index.js';
import type { Csr } from '../../src/index.js';

let root: string;
let counter = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'spikeflow-edges-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
const freshPath = (extension: string): string => join(root, `edges-${counter++}${extension}`);

/** A CSR from per-neuron target lists, with targets in the narrowest type as the generators make them. */
function csrOf(size: number, rows: readonly (readonly number[])[], weights?: readonly (readonly number[])[]): Csr {
  const offsets = new Int32Array(size + 1);
  rows.forEach((row, i) => (offsets[i + 1] = offsets[i] + row.length));
  const flat = rows.flat();
  const targets = size <= 65536 ? Uint16Array.from(flat) : Int32Array.from(flat);
  return weights === undefined ? { size, offsets, targets } : { size, offsets, targets, weights: Float64Array.from(weights.flat()) };
}

const csrArb = fc
  .integer({ min: 1, max: 40 })
  .chain((size) =>
    fc.record({
      size: fc.constant(size),
      rows: fc.array(fc.array(fc.integer({ min: 0, max: size - 1 }), { maxLength: 12 }), { minLength: size, maxLength: size }),
      weighted: fc.boolean(),
    }),
  )
  .map(({ size, rows, weighted }) =>
    csrOf(size, rows, weighted ? rows.map((row) => row.map((target, k) => (target - k) * 0.125)) : undefined),
  );

async function writeArrow(path: string, columns: Parameters<typeof tableFromArrays>[0]): Promise<void> {
  await writeFile(path, tableToIPC(tableFromArrays(columns), 'file'));
}

async function errorOf(promise: Promise<unknown>): Promise<SpikeflowError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SpikeflowError);
  return error as SpikeflowError;
}

describe('edge lists', () => {
  it('round trip: CSR → Parquet or Arrow file → identical CSR', async () => {
    await fc.assert(
      fc.asyncProperty(csrArb, fc.constantFrom('.parquet', '.arrow'), async (csr, extension) => {
        const path = freshPath(extension);
        await writeEdgeList(csr, path);
        const back = await readEdgeList(path, csr.size);
        expect(back.size).toBe(csr.size);
        expect(back.offsets).toEqual(csr.offsets);
        expect(back.targets).toBeInstanceOf(Uint16Array);
        expect(back.targets).toEqual(csr.targets);
        expect(back.weights).toEqual(csr.weights);
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  it('uses Int32 targets above 65 536 neurons and keeps them exact', async () => {
    const size = 70_000;
    const rows: number[][] = Array.from({ length: size }, () => []);
    rows[0] = [69_999, 65_536, 1];
    rows[69_999] = [0, 69_998];
    const csr = csrOf(size, rows);
    const path = freshPath('.parquet');
    await writeEdgeList(csr, path);
    const back = await readEdgeList(path, size);
    expect(back.targets).toBeInstanceOf(Int32Array);
    expect(Array.from(back.targets)).toEqual([69_999, 65_536, 1, 0, 69_998]);
    expect(back.offsets[size]).toBe(5);
    expect(back.offsets[1]).toBe(3);
    expect(back.offsets[size - 1]).toBe(3);
  });

  it("groups rows by presynaptic neuron and keeps the file's order within each", async () => {
    const path = freshPath('.arrow');
    await writeArrow(path, {
      pre: Int32Array.of(2, 0, 2, 1, 0, 2),
      post: Int32Array.of(5, 3, 1, 4, 0, 3),
      weight: Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6),
    });
    const csr = await readEdgeList(path, 6);
    expect(Array.from(csr.offsets)).toEqual([0, 2, 3, 6, 6, 6, 6]);
    expect(Array.from(csr.targets)).toEqual([3, 0, 4, 5, 1, 3]);
    expect(Array.from(csr.weights!)).toEqual([0.2, 0.5, 0.4, 0.1, 0.3, 0.6]);
  });

  it('accepts int64, uint32 and float index columns that hold integers, as other simulators export them', async () => {
    const variants = {
      int64: { pre: BigInt64Array.of(1n, 0n), post: BigInt64Array.of(0n, 2n) },
      uint32: { pre: Uint32Array.of(1, 0), post: Uint32Array.of(0, 2) },
      float64: { pre: Float64Array.of(1, 0), post: Float32Array.of(0, 2) },
    };
    for (const columns of Object.values(variants)) {
      const path = freshPath('.arrow');
      await writeArrow(path, columns);
      const csr = await readEdgeList(path, 3);
      expect(Array.from(csr.offsets)).toEqual([0, 1, 2, 2]);
      expect(Array.from(csr.targets)).toEqual([2, 0]);
      expect(csr.weights).toBeUndefined();
    }
  });

  it('names a missing column and the columns found', async () => {
    const path = freshPath('.arrow');
    await writeArrow(path, { source: Int32Array.of(0), post: Int32Array.of(1) });
    const error = await errorOf(readEdgeList(path, 2));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      `${path}: missing column pre: expected columns pre, post (neuron indices) and optionally weight, found source, post`,
    );
  });

  it('names the file, column, row and value of an index outside [0, N)', async () => {
    const path = freshPath('.arrow');
    await writeArrow(path, { pre: Int32Array.of(0, 1, 2), post: Int32Array.of(1, 2, 3) });
    expect((await errorOf(readEdgeList(path, 3))).message).toBe(
      `${path}: column post, row 2: expected a neuron index in [0, 3) for N = 3, found 3`,
    );
    const negative = freshPath('.arrow');
    await writeArrow(negative, { pre: BigInt64Array.of(0n, -1n), post: BigInt64Array.of(1n, 0n) });
    expect((await errorOf(readEdgeList(negative, 3))).message).toBe(
      `${negative}: column pre, row 1: expected a neuron index in [0, 3) for N = 3, found -1`,
    );
    const fractional = freshPath('.arrow');
    await writeArrow(fractional, { pre: Float64Array.of(0.5), post: Float64Array.of(1) });
    expect((await errorOf(readEdgeList(fractional, 3))).message).toBe(
      `${fractional}: column pre, row 0: expected a neuron index in [0, 3) for N = 3, found 0.5`,
    );
  });

  it('rejects non-numeric index columns, unreadable files, unknown extensions and invalid N', async () => {
    const strings = freshPath('.arrow');
    await writeArrow(strings, { pre: ['a'], post: Int32Array.of(0) });
    expect((await errorOf(readEdgeList(strings, 3))).message).toBe(
      `${strings}: column pre: expected integers (int32, int64, uint32, …) or float64, found Dictionary<Int32, Utf8>`,
    );
    const csv = freshPath('.csv');
    await writeFile(csv, 'pre,post\n0,1\n');
    expect((await errorOf(readEdgeList(csv, 3))).message).toBe(`${csv}: expected a Parquet or Arrow IPC file, found text starting "pre,post"`);
    await expect(writeEdgeList(csrOf(1, [[]]), freshPath('.csv'))).rejects.toThrow(
      /edge list path: expected a file name ending in \.parquet, \.arrow or \.feather/,
    );
    await expect(readEdgeList(csv, 0)).rejects.toThrow(/N: expected an integer in \[1, 2147483647\], got 0/);
  });

  it('writes and reads a network without synapses', async () => {
    const path = freshPath('.parquet');
    await writeEdgeList(csrOf(4, [[], [], [], []]), path);
    const csr = await readEdgeList(path, 4);
    expect(Array.from(csr.offsets)).toEqual([0, 0, 0, 0, 0]);
    expect(csr.targets).toHaveLength(0);
  });
});
