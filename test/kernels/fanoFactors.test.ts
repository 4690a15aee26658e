import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addBinnedSpikes, binIndexOf, binnedCountMoments, closeBinsBefore, fanoFactors, meanOf } from '../../src/index.js';
import type { SpikeTrain } from '../helpers/spikeTrains.js';
import { spikeTrainArbitrary } from '../helpers/spikeTrains.js';
import { poissonPopulation } from '../helpers/poissonTrains.js';

function fanoOf(train: SpikeTrain, window: number): Float64Array {
  const moments = binnedCountMoments(train.size, window, train.t0);
  addBinnedSpikes(moments, train.neuron, train.t);
  closeBinsBefore(moments, binIndexOf(train.t1, window));
  return fanoFactors(moments);
}

describe('fanoFactors', () => {
  it('is about 1 for Poisson neurons', () => {
    const fano = fanoOf(poissonPopulation({ size: 50, rate: 10, duration: 200, seed: 'fano/poisson' }), 0.1);
    expect(Math.abs(meanOf(fano) - 1)).toBeLessThan(0.03);
    for (const value of fano) expect(Math.abs(value - 1)).toBeLessThan(0.25);
  });

  it('is near 0 for a regular neuron counted in windows of whole periods', () => {
    const t = Float64Array.from({ length: 1000 }, (_, k) => 0.0031 + k * 0.01);
    const fano = fanoOf({ size: 1, t0: 0, t1: 10, neuron: new Int32Array(1000), t }, 0.1);
    expect(fano[0]).toBe(0);
  });

  it('equals the sample variance over the mean of the per-window counts', () => {
    fc.assert(
      fc.property(
        spikeTrainArbitrary({ maxSize: 10 }).chain((train) => fc.tuple(fc.constant(train), fc.double({ min: 0.05, max: 0.5, noNaN: true }).map((f) => (train.t1 - train.t0) * f))),
        ([train, window]) => {
          const fano = fanoOf(train, window);
          const first = Math.ceil(train.t0 / window - 1e-9) + 0;
          const windows = Math.floor(train.t1 / window + 1e-9) - first;
          for (let n = 0; n < train.size; n++) {
            const counts = new Array<number>(Math.max(windows, 0)).fill(0);
            for (let i = 0; i < train.t.length; i++) {
              const k = Math.floor(train.t[i] / window + 1e-9) - first;
              if (train.neuron[i] === n && k >= 0 && k < windows) counts[k]++;
            }
            const mean = counts.reduce((a, b) => a + b, 0) / windows;
            if (windows < 2 || !(mean > 0)) {
              expect(fano[n]).toBeNaN();
              continue;
            }
            const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / (windows - 1);
            expect(Math.abs(fano[n] - variance / mean)).toBeLessThanOrEqual(1e-9 * (1 + variance / mean));
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('is NaN with fewer than two windows', () => {
    const fano = fanoOf({ size: 1, t0: 0, t1: 1.5, neuron: Int32Array.of(0, 0), t: Float64Array.of(0.2, 0.4) }, 1);
    expect(fano[0]).toBeNaN();
  });
});
