import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { binRaster } from '../../src/index.js';

const spikes = fc
  .array(fc.record({ n: fc.integer({ min: -2, max: 60 }), t: fc.double({ min: -0.5, max: 2.5, noNaN: true }) }), {
    maxLength: 400,
  })
  .map((list) => ({ neuron: Int32Array.from(list, (s) => s.n), t: Float64Array.from(list, (s) => s.t) }));

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe('binRaster', () => {
  it('counts every spike inside the window and population exactly once', () => {
    fc.assert(
      fc.property(spikes, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), ({ neuron, t }, timeBins, groups) => {
        const grid = binRaster(neuron, t, { neurons: 50, t0: 0, t1: 2, timeBins, neuronBins: groups });
        expect(grid.counts.length).toBe(groups * timeBins);
        let inside = 0;
        for (let i = 0; i < t.length; i++) if (t[i] >= 0 && t[i] < 2 && neuron[i] >= 0 && neuron[i] < 50) inside++;
        expect(sum(grid.counts)).toBe(inside);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('groups neurons so that coarse rows are sums of fine rows', () => {
    fc.assert(
      fc.property(spikes, fc.integer({ min: 1, max: 50 }), ({ neuron, t }, groups) => {
        const options = { neurons: 50, t0: 0, t1: 2, timeBins: 4 };
        const fine = binRaster(neuron, t, options);
        const coarse = binRaster(neuron, t, { ...options, neuronBins: groups });
        const expected = new Float64Array(groups * 4);
        for (let n = 0; n < 50; n++) {
          const row = Math.floor((n * groups) / 50);
          for (let c = 0; c < 4; c++) expected[row * 4 + c] += fine.counts[n * 4 + c];
        }
        expect(Array.from(coarse.counts)).toEqual(Array.from(expected));
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('places spikes by neuron row and half-open time bin', () => {
    const neuron = Int32Array.from([0, 1, 1, 2, 2, 3]);
    const t = Float64Array.from([0, 0.49, 0.5, 0.99, 1, 0.2]);
    const grid = binRaster(neuron, t, { neurons: 3, t0: 0, t1: 1, timeBins: 2 });
    // Row 2's spike at t1 and neuron 3 (outside the population) are not counted.
    expect(Array.from(grid.counts)).toEqual([1, 0, 1, 1, 0, 1]);
    expect(grid.neuronBins).toBe(3);
    expect(grid.timeBins).toBe(2);
  });

  it('rejects invalid grids and mismatched columns', () => {
    const n = Int32Array.from([0]);
    const t = Float64Array.from([0]);
    expect(() => binRaster(n, t, { neurons: 2, t0: 1, t1: 1, timeBins: 2 })).toThrow(/t0 < t1/);
    expect(() => binRaster(n, t, { neurons: 2, t0: 0, t1: 1, timeBins: 0 })).toThrow(/timeBins/);
    expect(() => binRaster(n, t, { neurons: 2, t0: 0, t1: 1, timeBins: 1, neuronBins: 3 })).toThrow(/neuronBins/);
    expect(() => binRaster(n, new Float64Array(2), { neurons: 2, t0: 0, t1: 1, timeBins: 1 })).toThrow(/equal length/);
  });
});
