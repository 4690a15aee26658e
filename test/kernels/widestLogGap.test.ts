import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { widestLogGap } from '../../src/index.js';

describe('widestLogGap', () => {
  it('splits two groups orders of magnitude apart at the geometric middle of the gap', () => {
    const gap = widestLogGap([1e-14, 3e-13, 2e-14, 0, 22, 25, 24.5]);
    expect(gap.lower).toBe(3e-13);
    expect(gap.upper).toBe(22);
    expect(gap.threshold).toBeCloseTo(Math.sqrt(3e-13 * 22), 20);
  });

  it('separates every value of the lower group from every value of the upper group', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-12, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }), (values) => {
        const { lower, upper, threshold } = widestLogGap(values);
        expect(lower).toBeLessThan(threshold);
        expect(threshold).toBeLessThanOrEqual(upper);
        for (const v of values) expect(v <= lower || v >= upper).toBe(true);
        const sorted = [...values].sort((a, b) => a - b);
        for (let k = 1; k < sorted.length; k++) expect(sorted[k] / sorted[k - 1]).toBeLessThanOrEqual((upper / lower) * (1 + 1e-12));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('has no gap with fewer than two positive values', () => {
    expect(widestLogGap([0, 0, 5]).threshold).toBeNaN();
  });
});
