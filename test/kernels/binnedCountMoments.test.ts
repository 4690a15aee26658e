import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addBinnedSpikes, binIndexOf, binnedCountMoments, closeBinsBefore, countScatter, type BinnedCountMoments } from '../../src/index.js';
import { spikeTrainArbitrary, type SpikeTrain } from '../helpers/spikeTrains.js';

/** Per-bin, per-neuron counts over the whole bins of [t0, t1), counted spike by spike. */
function naiveCounts(train: SpikeTrain, binWidth: number): number[][] {
  const first = Math.ceil(train.t0 / binWidth - 1e-9) + 0;
  const end = Math.floor(train.t1 / binWidth + 1e-9);
  const grid: number[][] = [];
  for (let k = first; k < end; k++) grid.push(new Array<number>(train.size).fill(0));
  for (let i = 0; i < train.t.length; i++) {
    const k = Math.floor(train.t[i] / binWidth + 1e-9) - first;
    if (k >= 0 && k < grid.length) grid[k][train.neuron[i]]++;
  }
  return grid;
}

function momentsOf(train: SpikeTrain, binWidth: number, cuts: number[]): BinnedCountMoments {
  const state = binnedCountMoments(train.size, binWidth, train.t0);
  let start = 0;
  for (const cut of [...cuts, train.t1]) {
    let end = start;
    while (end < train.t.length && (cut === train.t1 || train.t[end] < cut)) end++;
    addBinnedSpikes(state, train.neuron.subarray(start, end), train.t.subarray(start, end));
    closeBinsBefore(state, binIndexOf(cut, binWidth));
    start = end;
  }
  return state;
}

const trainWithCuts = spikeTrainArbitrary().chain((train) =>
  fc.tuple(
    fc.constant(train),
    fc.double({ min: 0.01, max: 0.5, noNaN: true }).map((f) => (train.t1 - train.t0) * f),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }).map((us) => us.map((u) => train.t0 + u * (train.t1 - train.t0)).sort((a, b) => a - b)),
  ),
);

describe('binnedCountMoments', () => {
  it('sums counts and squared counts per neuron and per population exactly as a bin-by-bin count does', () => {
    fc.assert(
      fc.property(trainWithCuts, ([train, binWidth, cuts]) => {
        const state = momentsOf(train, binWidth, cuts);
        const grid = naiveCounts(train, binWidth);
        expect(state.bins).toBe(grid.length);
        for (let n = 0; n < train.size; n++) {
          expect(state.sum[n]).toBe(grid.reduce((a, row) => a + row[n], 0));
          expect(state.sumSquares[n]).toBe(grid.reduce((a, row) => a + row[n] ** 2, 0));
        }
        const population = grid.map((row) => row.reduce((a, b) => a + b, 0));
        expect(state.populationSum).toBe(population.reduce((a, b) => a + b, 0));
        expect(state.populationSumSquares).toBe(population.reduce((a, b) => a + b * b, 0));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('gives identical moments however the spikes are split between calls', () => {
    fc.assert(
      fc.property(trainWithCuts, ([train, binWidth, cuts]) => {
        const whole = momentsOf(train, binWidth, []);
        const pieces = momentsOf(train, binWidth, cuts);
        expect(pieces.bins).toBe(whole.bins);
        expect(Array.from(pieces.sum)).toEqual(Array.from(whole.sum));
        expect(Array.from(pieces.sumSquares)).toEqual(Array.from(whole.sumSquares));
        expect(pieces.populationSumSquares).toBe(whole.populationSumSquares);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('skips the partly observed leading bin and counts empty bins', () => {
    const state = binnedCountMoments(2, 0.1, 0.05);
    addBinnedSpikes(state, Int32Array.of(0, 1, 1, 0), Float64Array.of(0.06, 0.12, 0.15, 0.41));
    closeBinsBefore(state, binIndexOf(0.55, 0.1));
    // bins [0.1,0.2) [0.2,0.3) [0.3,0.4) [0.4,0.5); the spike at 0.06 is before the first whole bin
    expect(state.bins).toBe(4);
    expect(Array.from(state.sum)).toEqual([1, 2]);
    expect(Array.from(state.sumSquares)).toEqual([1, 4]);
    expect(state.populationSumSquares).toBe(4 + 1);
  });
});

describe('countScatter', () => {
  it('equals the two-pass sum of squared deviations', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 100 }), (values) => {
        const sum = values.reduce((a, b) => a + b, 0);
        const sumSquares = values.reduce((a, b) => a + b * b, 0);
        const mean = sum / values.length;
        const twoPass = values.reduce((a, b) => a + (b - mean) ** 2, 0);
        expect(countScatter(sum, sumSquares, values.length)).toBeCloseTo(twoPass, 6);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('stays exact where the raw products exceed 2^53', () => {
    // 10^6 bins alternating 10^5 and 10^5 + 2: mean 10^5 + 1, every deviation ±1.
    const bins = 1e6;
    const sum = bins * (1e5 + 1);
    const sumSquares = (bins / 2) * (1e5 ** 2 + (1e5 + 2) ** 2);
    expect(bins * sumSquares).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    expect(countScatter(sum, sumSquares, bins)).toBe(bins);
  });

  it('is NaN without bins', () => {
    expect(countScatter(0, 0, 0)).toBeNaN();
  });
});
