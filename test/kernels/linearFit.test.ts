import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linearFit } from '../../src/index.js';

describe('linearFit', () => {
  it('recovers an exact line with zero residual, whatever the offset of x', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 2, max: 30 }),
        (slope, intercept, shift, n) => {
          const x = Array.from({ length: n }, (_, i) => shift + i * 0.5);
          const fit = linearFit(x, x.map((v) => intercept + slope * v));
          expect(fit.slope).toBeCloseTo(slope, 6);
          expect(fit.intercept + fit.slope * shift).toBeCloseTo(intercept + slope * shift, 3);
          expect(fit.residualRms).toBeLessThan(1e-6 * (1 + Math.abs(intercept) + Math.abs(slope * shift)));
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('gives the textbook slope, intercept and slope standard error', () => {
    // y = 1 + 2x with residuals +1, −1, −1, +1 at x = 0 … 3: Σr² = 4, Sxx = 5
    const fit = linearFit([0, 1, 2, 3], [2, 2, 4, 8]);
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(1, 12);
    expect(fit.slopeError).toBeCloseTo(Math.sqrt(4 / 2 / 5), 12);
    expect(fit.residualRms).toBeCloseTo(1, 12);
  });

  it('refuses fewer than two distinct x and mismatched lengths', () => {
    expect(() => linearFit([1, 1], [0, 1])).toThrow(RangeError);
    expect(() => linearFit([1, 2], [0])).toThrow(/as many y as x/);
    expect(Number.isNaN(linearFit([0, 1], [0, 1]).slopeError)).toBe(true);
  });
});
