import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextUp } from '../../src/index.js';

describe('nextUp', () => {
  it('returns a larger double with no double in between', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, max: Number.MAX_VALUE / 2 }), (x) => {
        const up = nextUp(x);
        expect(up).toBeGreaterThan(x);
        // the midpoint of two neighbouring doubles rounds to one of them
        const mid = x / 2 + up / 2;
        expect(mid === x || mid === up).toBe(true);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('handles zero, the sign change, the largest double and non-finite values', () => {
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-0)).toBe(Number.MIN_VALUE);
    expect(Object.is(nextUp(-Number.MIN_VALUE), -0)).toBe(true);
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextUp(Number.MAX_VALUE)).toBe(Number.POSITIVE_INFINITY);
    expect(nextUp(Number.NEGATIVE_INFINITY)).toBe(-Number.MAX_VALUE);
    expect(nextUp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(nextUp(Number.NaN)).toBeNaN();
  });
});
