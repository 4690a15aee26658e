import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brentRoot } from '../../src/index.js';

describe('brentRoot', () => {
  it('solves cos x = x to machine precision', () => {
    const x = brentRoot((t) => Math.cos(t) - t, 0, 1);
    expect(Math.abs(Math.cos(x) - x)).toBeLessThan(2e-16);
  });

  it('finds a root of any bracketing cubic with the residual at rounding level', () => {
    const coefficient = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(coefficient, coefficient, coefficient, (a, b, c) => {
        const f = (x: number): number => x * x * x + a * x * x + b * x + c;
        const bound = 1 + Math.abs(a) + Math.abs(b) + Math.abs(c);
        const x = brentRoot(f, -bound, bound);
        expect(Math.abs(x)).toBeLessThanOrEqual(bound);
        const slope = Math.abs(3 * x * x + 2 * a * x + b) + 1;
        expect(Math.abs(f(x))).toBeLessThan(1e-12 * bound ** 3 * slope);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('returns an end point that is already a root', () => {
    expect(brentRoot((x) => x - 2, 2, 5)).toBe(2);
    expect(brentRoot((x) => x - 5, 2, 5)).toBe(5);
  });

  it('honours an absolute tolerance', () => {
    const x = brentRoot((t) => t * t - 2, 0, 2, 1e-3);
    expect(Math.abs(x - Math.SQRT2)).toBeLessThan(1e-3);
  });

  it('rejects an interval without a sign change', () => {
    expect(() => brentRoot((x) => x * x + 1, -1, 1)).toThrow(/opposite sign/);
  });
});
