import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArrowIpcWriter, columnsToBatch, readTable, spikeSchema, stateSchema } from '../../src/index.js';

let root: string;
let counter = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'spikeflow-ipc-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function bytesOf(array: Int32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

const spikeRow = fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.double());

describe('ArrowIpcWriter', () => {
  it('round trip: random spike batches come back from the Arrow IPC file bit for bit, one record batch each', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(spikeRow, { minLength: 1, maxLength: 40 }), { maxLength: 8 }), async (batches) => {
        const path = join(root, `spikes-${counter++}.arrow`);
        const writer = new ArrowIpcWriter(path, spikeSchema);
        for (const rows of batches) {
          await writer.write(
            columnsToBatch(spikeSchema, { neuron: Int32Array.from(rows, ([n]) => n), t: Float64Array.from(rows, ([, t]) => t) }),
          );
        }
        await writer.close();

        const all = batches.flat();
        const bytes = await readFile(path);
        // The IPC file format: magic at both ends, so readers can seek to the footer.
        expect(bytes.subarray(0, 6).toString()).toBe('ARROW1');
        expect(bytes.subarray(bytes.length - 6).toString()).toBe('ARROW1');
        const table = await readTable(path);
        expect(table.batches.filter((batch) => batch.numRows > 0)).toHaveLength(batches.length);
        expect(table.numRows).toBe(all.length);
        expect(writer.rowCount).toBe(all.length);
        expect(bytesOf(table.getChild('neuron')!.toArray() as Int32Array)).toEqual(bytesOf(Int32Array.from(all, ([n]) => n)));
        expect(bytesOf(table.getChild('t')!.toArray() as Float64Array)).toEqual(bytesOf(Float64Array.from(all, ([, t]) => t)));
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it('keeps the final path absent until close and leaves no temporary file behind', async () => {
    const name = `state-${counter++}.arrow`;
    const path = join(root, name);
    const writer = new ArrowIpcWriter(path, stateSchema);
    await writer.write(columnsToBatch(stateSchema, { neuron: Int32Array.of(3), t: Float64Array.of(0.25), value: Float64Array.of(-0.07) }));
    expect(await readdir(root)).not.toContain(name);
    expect(await readdir(root)).toContain(`${name}.tmp`);
    await writer.close();
    const names = await readdir(root);
    expect(names).toContain(name);
    expect(names).not.toContain(`${name}.tmp`);
  });

  it('streams batches far larger than the stream buffer and lets the caller reuse its arrays after each write', async () => {
    const path = join(root, `large-${counter++}.arrow`);
    const writer = new ArrowIpcWriter(path, spikeSchema);
    const rows = 1 << 20;
    const neuron = new Int32Array(rows);
    const t = new Float64Array(rows);
    for (let batch = 0; batch < 3; batch++) {
      for (let i = 0; i < rows; i++) {
        neuron[i] = batch * rows + i;
        t[i] = batch + i / rows;
      }
      await writer.write(columnsToBatch(spikeSchema, { neuron, t }));
    }
    await writer.close();
    const table = await readTable(path);
    expect(table.numRows).toBe(3 * rows);
    const neurons = table.getChild('neuron')!.toArray() as Int32Array;
    for (let i = 0; i < neurons.length; i += 4099) expect(neurons[i]).toBe(i);
  });

  it('keeps batches in call order when writes are not awaited one by one', async () => {
    const path = join(root, `unawaited-${counter++}.arrow`);
    const writer = new ArrowIpcWriter(path, spikeSchema);
    const rows = 20_000;
    const writes = Array.from({ length: 6 }, (_, batch) =>
      writer.write(
        columnsToBatch(spikeSchema, {
          neuron: Int32Array.from({ length: rows }, (_, i) => batch * rows + i),
          t: new Float64Array(rows).fill(batch),
        }),
      ),
    );
    await Promise.all(writes);
    await writer.close();
    const neurons = (await readTable(path)).getChild('neuron')!.toArray() as Int32Array;
    expect(neurons).toHaveLength(6 * rows);
    let outOfOrder = 0;
    for (let i = 0; i < neurons.length; i++) if (neurons[i] !== i) outOfOrder++;
    expect(outOfOrder).toBe(0);
  });

  it('abort discards the temporary file and never creates the final path', async () => {
    const name = `aborted-${counter++}.arrow`;
    const path = join(root, name);
    const writer = new ArrowIpcWriter(path, spikeSchema);
    await writer.write(columnsToBatch(spikeSchema, { neuron: Int32Array.of(1), t: Float64Array.of(1) }));
    await writer.abort();
    const names = await readdir(root);
    expect(names.filter((n) => n.startsWith(name))).toEqual([]);
  });

  it('rejects a batch with other columns than the schema', async () => {
    const writer = new ArrowIpcWriter(join(root, `mismatch-${counter++}.arrow`), spikeSchema);
    const batch = columnsToBatch(stateSchema, { neuron: Int32Array.of(1), t: Float64Array.of(1), value: Float64Array.of(0) });
    await expect(writer.write(batch)).rejects.toThrow(/batch columns: expected neuron: Int32, t: Float64/);
    await writer.abort();
  });
});
