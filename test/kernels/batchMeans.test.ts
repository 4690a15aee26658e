import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batchMeans } from '../../src/index.js';

describe('batchMeans', () => {
  it('returns the overall rate and the rate of each batch of a cumulative sum', () => {
    // rate 1 on (0, 2], rate 3 on (2, 4]
    const result = batchMeans([1, 2, 3, 4], [1, 2, 5, 8], 2);
    expect(result.mean).toBe(2);
    expect(Array.from(result.batchRates)).toEqual([1, 3]);
    expect(result.standardError).toBeCloseTo(1, 12);
  });

  it('estimates the standard error of the mean of independent increments', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        let state = seed;
        const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
        const n = 4000;
        const times = new Float64Array(n);
        const sums = new Float64Array(n);
        let sum = 0;
        for (let k = 0; k < n; k++) {
          sum += 0.5 + (uniform() - 0.5);
          times[k] = k + 1;
          sums[k] = sum;
        }
        const result = batchMeans(times, sums, 40);
        // increments of variance 1/12: the standard error of the mean over 4000 is 1/√(12·4000)
        const expected = 1 / Math.sqrt(12 * n);
        expect(result.standardError).toBeGreaterThan(0.6 * expected);
        expect(result.standardError).toBeLessThan(1.5 * expected);
        expect(Math.abs(result.mean - 0.5)).toBeLessThan(5 * expected);
      }),
      { seed: 42, numRuns: 20 },
    );
  });

  it('lets the last batch take the remainder and rejects bad batch counts', () => {
    expect(Array.from(batchMeans([1, 2, 3, 4, 5], [1, 2, 3, 4, 10], 2).batchRates)).toEqual([1, 8 / 3]);
    expect(Number.isNaN(batchMeans([1], [1], 1).standardError)).toBe(true);
    expect(() => batchMeans([1, 2], [1, 2], 3)).toThrow(RangeError);
  });
});
