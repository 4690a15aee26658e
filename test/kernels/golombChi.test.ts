import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addBinnedSpikes, binIndexOf, binnedCountMoments, closeBinsBefore, golombChi } from '../../src/index.js';
import { spikeTrainArbitrary, type SpikeTrain } from '../helpers/spikeTrains.js';
import { poissonPopulation, synchronousPopulation } from '../helpers/poissonTrains.js';

function chiOf(train: SpikeTrain, binWidth: number) {
  const moments = binnedCountMoments(train.size, binWidth, train.t0);
  addBinnedSpikes(moments, train.neuron, train.t);
  closeBinsBefore(moments, binIndexOf(train.t1, binWidth));
  return golombChi(moments);
}

/** χ² straight from its definition, on a dense bins × neurons count matrix. */
function naiveChiSquared(train: SpikeTrain, binWidth: number): number {
  const first = Math.ceil(train.t0 / binWidth - 1e-9) + 0;
  const bins = Math.floor(train.t1 / binWidth + 1e-9) - first;
  const x = Array.from({ length: bins }, () => new Array<number>(train.size).fill(0));
  for (let i = 0; i < train.t.length; i++) {
    const k = Math.floor(train.t[i] / binWidth + 1e-9) - first;
    if (k >= 0 && k < bins) x[k][train.neuron[i]]++;
  }
  const variance = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  };
  const population = x.map((row) => row.reduce((a, b) => a + b, 0) / train.size);
  let meanVariance = 0;
  for (let n = 0; n < train.size; n++) meanVariance += variance(x.map((row) => row[n])) / train.size;
  return variance(population) / meanVariance;
}

describe('golombChi', () => {
  it('is 1 when every neuron fires in the same bins', () => {
    const result = chiOf(synchronousPopulation(50, 10, 20, 'chi/sync'), 0.005);
    expect(result.chi).toBeCloseTo(1, 12);
  });

  it('is close to 1/√N for independent Poisson neurons', () => {
    for (const size of [25, 100, 400]) {
      const result = chiOf(poissonPopulation({ size, rate: 20, duration: 40, seed: `chi/poisson/${size}` }), 0.005);
      expect(result.chi * Math.sqrt(size)).toBeGreaterThan(0.9);
      expect(result.chi * Math.sqrt(size)).toBeLessThan(1.1);
    }
  });

  it('grows with the depth of a shared rate modulation', () => {
    const chis = [0, 0.5, 1].map(
      (depth) => chiOf(poissonPopulation({ size: 100, rate: 20, duration: 20, seed: 'chi/modulated', modulation: { frequency: 10, depth } }), 0.01).chi,
    );
    expect(chis[0]).toBeLessThan(chis[1]);
    expect(chis[1]).toBeLessThan(chis[2]);
  });

  it('lies in [0, 1] and matches the dense definition for any spike train', () => {
    fc.assert(
      fc.property(
        spikeTrainArbitrary({ maxSize: 20 }).chain((train) => fc.tuple(fc.constant(train), fc.double({ min: 0.01, max: 0.3, noNaN: true }).map((f) => (train.t1 - train.t0) * f))),
        ([train, binWidth]) => {
          const { chiSquared } = chiOf(train, binWidth);
          const reference = naiveChiSquared(train, binWidth);
          if (Number.isNaN(reference)) {
            expect(chiSquared).toBeNaN();
            return;
          }
          expect(chiSquared).toBeGreaterThanOrEqual(0);
          expect(chiSquared).toBeLessThanOrEqual(1 + 1e-12);
          expect(Math.abs(chiSquared - reference)).toBeLessThanOrEqual(1e-9);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('is NaN for a silent population', () => {
    const moments = binnedCountMoments(10, 0.01, 0);
    closeBinsBefore(moments, 100);
    expect(golombChi(moments).chi).toBeNaN();
  });
});
