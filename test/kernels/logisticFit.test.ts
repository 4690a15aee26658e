import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fitLogistic, logisticValue } from '../../src/index.js';

const sigmoid = (x: number, mu: number, s: number) => 1 / (1 + Math.exp(-(x - mu) / s));

describe('fitLogistic', () => {
  it('recovers midpoint and width from counts that follow the curve exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: -4, max: -1, noNaN: true }), fc.double({ min: 0.2, max: 1, noNaN: true }), (mu, s) => {
        const x = Array.from({ length: 15 }, (_, i) => -5 + (5 * i) / 14);
        const trials = x.map(() => 1e6);
        const successes = x.map((v) => 1e6 * sigmoid(v, mu, s));
        const fit = fitLogistic(x, successes, trials);
        expect(fit.separated).toBe(false);
        expect(fit.midpoint).toBeCloseTo(mu, 5);
        expect(fit.scale).toBeCloseTo(s, 5);
        expect(logisticValue(fit, fit.midpoint)).toBeCloseTo(0.5, 12);
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it('puts the midpoint of separated data in the middle of the gap', () => {
    const x = [-5, -4, -3, -2, -1, 0];
    const fit = fitLogistic(x, [0, 0, 0, 50, 50, 50], [50, 50, 50, 50, 50, 50]);
    expect(fit.separated).toBe(true);
    expect(fit.midpoint).toBeCloseTo(-2.5, 12);
  });

  it('puts the midpoint of quasi-separated data at the one mixed point', () => {
    const fit = fitLogistic([-3, -2, -1, 0], [0, 0, 25, 50], [50, 50, 50, 50]);
    expect(fit.separated).toBe(true);
    expect(fit.midpoint).toBeCloseTo(-1, 3);
  });

  it('has a higher likelihood than any nearby curve (a maximum)', () => {
    const x = [-5, -4, -3, -2, -1, 0];
    const successes = [0, 1, 10, 30, 48, 50];
    const trials = x.map(() => 50);
    const fit = fitLogistic(x, successes, trials);
    const ll = (mu: number, s: number) => x.reduce((sum, v, i) => sum + successes[i] * Math.log(sigmoid(v, mu, s)) + (trials[i] - successes[i]) * Math.log(1 - sigmoid(v, mu, s)), 0);
    expect(fit.logLikelihood).toBeCloseTo(ll(fit.midpoint, fit.scale), 8);
    for (const [dm, ds] of [[0.05, 0], [-0.05, 0], [0, 0.05], [0, -0.05]]) expect(ll(fit.midpoint + dm, fit.scale + ds)).toBeLessThan(fit.logLikelihood);
  });

  it('reports no midpoint when nothing, or everything, succeeded', () => {
    expect(fitLogistic([1, 2], [0, 0], [5, 5]).midpoint).toBeNaN();
    expect(fitLogistic([1, 2], [5, 5], [5, 5]).midpoint).toBeNaN();
  });
});
