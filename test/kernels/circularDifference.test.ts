import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { circularDifference } from '../../src/index.js';

describe('circularDifference', () => {
  it('is |Δ| for differences up to one half and 1 − |Δ| up to one', () => {
    expect(circularDifference(0.3, 0.1)).toBeCloseTo(0.2, 15);
    expect(circularDifference(0.98, 0.01)).toBeCloseTo(0.03, 15);
    expect(circularDifference(-0.02, 0.99)).toBeCloseTo(0.01, 15);
  });

  it('is symmetric, in [0, 1/2], and blind to whole periods', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 1, noNaN: true }), fc.double({ min: -5, max: 1, noNaN: true }), fc.integer({ min: -3, max: 3 }), (a, b, k) => {
        const d = circularDifference(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(0.5);
        expect(circularDifference(b, a)).toBe(d);
        expect(circularDifference(a + k, b)).toBeCloseTo(d, 9);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});
