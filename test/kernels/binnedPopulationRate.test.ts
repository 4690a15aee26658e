import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { binIndexOf, binRates, binnedPopulationRate, countSpikesInBins, firstWholeBin } from '../../src/index.js';
import { spikeTrainArbitrary } from '../helpers/spikeTrains.js';

describe('binIndexOf', () => {
  it('puts times computed on a step grid into the bin their step belongs to', () => {
    expect(0.3 / 0.1).toBeLessThan(3); // the rounding the tolerance is there for
    expect(binIndexOf(0.3, 0.1)).toBe(3);
    expect(binIndexOf(3000 * 1e-4, 0.1)).toBe(3);
    expect(binIndexOf(2999 * 1e-4, 0.1)).toBe(2);
    expect(binIndexOf(0, 0.1)).toBe(0);
  });

  it('agrees with firstWholeBin on bin edges and rounds up between them', () => {
    expect(firstWholeBin(0.3, 0.1)).toBe(3);
    expect(firstWholeBin(0.31, 0.1)).toBe(4);
    expect(firstWholeBin(0, 0.1)).toBe(0);
  });
});

describe('countSpikesInBins', () => {
  it('counts relative to the first bin and skips bins outside the array', () => {
    const counts = countSpikesInBins(Float64Array.of(0.05, 0.15, 0.25, 0.26, 0.45), 0.1, 1, new Float64Array(2));
    expect(Array.from(counts)).toEqual([1, 2]);
  });
});

describe('binRates', () => {
  it('divides counts by bin width times population size', () => {
    expect(Array.from(binRates(Float64Array.of(0, 4, 10), 0.01, 100))).toEqual([0, 4, 10]);
  });
});

describe('binnedPopulationRate', () => {
  it('keeps exactly the bins wholly inside [t0, t1), and their counts sum to the spikes in them', () => {
    fc.assert(
      fc.property(spikeTrainArbitrary(), fc.double({ min: 0.01, max: 1.5, noNaN: true }), (train, fraction) => {
        const binWidth = (train.t1 - train.t0) * fraction;
        const { t, rate } = binnedPopulationRate(train.t, { size: train.size, binWidth, t0: train.t0, t1: train.t1 });
        expect(t.length).toBe(rate.length);
        for (let k = 0; k < t.length; k++) {
          expect(t[k]).toBeGreaterThanOrEqual(train.t0 - 1e-9 * binWidth);
          expect(t[k] + binWidth).toBeLessThanOrEqual(train.t1 + 1e-9 * binWidth);
        }
        const total = rate.reduce((sum, r) => sum + r * binWidth * train.size, 0);
        let inside = 0;
        if (t.length > 0) {
          const first = Math.round(t[0] / binWidth);
          for (const s of train.t) {
            const k = Math.floor(s / binWidth + 1e-9);
            if (k >= first && k < first + t.length) inside++;
          }
        }
        expect(total).toBeCloseTo(inside, 6);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('gives the rate of a regular population in every bin', () => {
    // 10 neurons, each firing every 10 ms at staggered phases: 100 Hz per neuron.
    const spikes: number[] = [];
    for (let k = 0; k < 100; k++) for (let n = 0; n < 10; n++) spikes.push(k * 0.01 + n * 0.001);
    const { t, rate } = binnedPopulationRate(Float64Array.from(spikes), { size: 10, binWidth: 0.05, t0: 0, t1: 1 });
    expect(t.length).toBe(20);
    for (const r of rate) expect(r).toBeCloseTo(100, 9);
  });

  it('drops partly observed bins at both ends', () => {
    const { t } = binnedPopulationRate(new Float64Array(0), { size: 1, binWidth: 0.1, t0: 0.05, t1: 0.42 });
    expect(Array.from(t, (x) => Math.round(x * 10))).toEqual([1, 2, 3]);
  });

  it('rejects a non-positive bin width', () => {
    expect(() => binnedPopulationRate(new Float64Array(0), { size: 1, binWidth: 0, t0: 0, t1: 1 })).toThrow(/positive finite/);
  });
});
