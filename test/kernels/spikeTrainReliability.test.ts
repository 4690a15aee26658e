import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { spikeTrainReliability } from '../../src/index.js';

const sigma = 0.002;

describe('spikeTrainReliability', () => {
  it('is 1 for identical trains', () => {
    const train = Float64Array.of(0.01, 0.05, 0.3);
    expect(spikeTrainReliability([train, train, Float64Array.from(train)], sigma)).toBeCloseTo(1, 12);
  });

  it('is the Gaussian overlap e^(−Δ²/4σ²) for two single spikes Δ apart', () => {
    const delta = 0.003;
    const r = spikeTrainReliability([Float64Array.of(0.1), Float64Array.of(0.1 + delta)], sigma);
    expect(r).toBeCloseTo(Math.exp((-delta * delta) / (4 * sigma * sigma)), 12);
  });

  it('is about 0 for trains far apart compared with σ', () => {
    expect(spikeTrainReliability([Float64Array.of(0.1, 0.2), Float64Array.of(0.15, 0.25)], sigma)).toBeLessThan(1e-30);
  });

  it('does not depend on the order of the trials and stays in [0, 1]', () => {
    const train = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }).map((t) => Float64Array.from(t.sort((a, b) => a - b)));
    fc.assert(
      fc.property(fc.array(train, { minLength: 2, maxLength: 6 }), (trains) => {
        const r = spikeTrainReliability(trains, sigma);
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1 + 1e-12);
        expect(spikeTrainReliability([...trains].reverse(), sigma)).toBeCloseTo(r, 12);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('leaves silent trials out and is NaN with fewer than two spiking trials', () => {
    const a = Float64Array.of(0.1);
    expect(spikeTrainReliability([a, new Float64Array(0), a], sigma)).toBeCloseTo(1, 12);
    expect(spikeTrainReliability([a, new Float64Array(0)], sigma)).toBeNaN();
  });
});
