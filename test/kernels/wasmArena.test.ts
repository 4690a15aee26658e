import { describe, expect, it } from 'vitest';
import { arenaBytes, wasmArena } from '../../src/index.js';

describe('wasmArena', () => {
  it('lays arrays out on 16-byte boundaries of one shared memory without overlap', () => {
    const arena = wasmArena({ a: [Float64Array, 3], b: [Uint16Array, 5], c: [Int32Array, 0], d: [Float64Array, 2] });
    expect(arena).toBeDefined();
    const { memory, arrays } = arena!;
    expect(memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    const views = [arrays.a, arrays.b, arrays.c, arrays.d];
    for (const view of views) {
      expect(view.buffer).toBe(memory.buffer);
      expect(view.byteOffset % 16).toBe(0);
    }
    expect(arrays.a.length).toBe(3);
    expect(arrays.b.length).toBe(5);
    expect(arrays.c.length).toBe(0);
    for (let k = 1; k < views.length; k++) expect(views[k].byteOffset).toBeGreaterThanOrEqual(views[k - 1].byteOffset + views[k - 1].byteLength);
    arrays.d.fill(7);
    expect(Array.from(arrays.a)).toEqual([0, 0, 0]);
  });

  it('refuses layouts beyond the 4 GiB a wasm32 memory addresses', () => {
    expect(arenaBytes([[Float64Array, 2 ** 29]])).toBe(2 ** 32);
    expect(arenaBytes([[Float64Array, 2 ** 29 + 1]])).toBe(Infinity);
    expect(wasmArena({ huge: [Float64Array, 2 ** 30] })).toBeUndefined();
  });
});
