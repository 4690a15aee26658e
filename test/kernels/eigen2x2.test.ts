import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eigen2x2 } from '../../src/index.js';
import type { Matrix2x2 } from '../../src/index.js';

const entry = fc.double({ min: -100, max: 100, noNaN: true });
const matrices = fc.tuple(entry, entry, entry, entry).map(([a, b, c, d]): Matrix2x2 => [
  [a, b],
  [c, d],
]);

describe('eigen2x2', () => {
  it('returns eigenvalues whose sum is the trace and product the determinant', () => {
    fc.assert(
      fc.property(matrices, (m) => {
        const [[r1, i1], [r2, i2]] = eigen2x2(m);
        const scale = Math.max(1, ...m.flat().map(Math.abs));
        expect(Math.abs(r1 + r2 - (m[0][0] + m[1][1]))).toBeLessThan(1e-12 * scale);
        expect(Math.abs(i1 + i2)).toBeLessThan(1e-12 * scale);
        const productRe = r1 * r2 - i1 * i2;
        const productIm = r1 * i2 + i1 * r2;
        const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        expect(Math.abs(productRe - det)).toBeLessThan(1e-10 * scale * scale);
        expect(Math.abs(productIm)).toBeLessThan(1e-10 * scale * scale);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('orders a real pair larger first and a complex pair with positive imaginary part first', () => {
    fc.assert(
      fc.property(matrices, (m) => {
        const [[r1, i1], [r2, i2]] = eigen2x2(m);
        if (i1 === 0) {
          expect(i2).toBe(0);
          expect(r1).toBeGreaterThanOrEqual(r2);
        } else {
          expect(i1).toBeGreaterThan(0);
          expect(i2).toBe(-i1);
          expect(r1).toBe(r2);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('gives ±i for a rotation generator and ±ω for a harmonic oscillator', () => {
    expect(eigen2x2([[0, -1], [1, 0]])).toEqual([[0, 1], [0, -1]]);
    const [[re, im]] = eigen2x2([[0, 1], [-4, 0]]);
    expect(re).toBe(0);
    expect(im).toBeCloseTo(2, 15);
  });

  it('returns a repeated root for a Jordan block and for a multiple of the identity', () => {
    expect(eigen2x2([[-1, 1], [0, -1]])).toEqual([[-1, 0], [-1, 0]]);
    expect(eigen2x2([[2, 0], [0, 2]])).toEqual([[2, 0], [2, 0]]);
    // A rotated Jordan block: the discriminant is zero only up to rounding.
    const [[r1, i1], [r2, i2]] = eigen2x2([[-0.5, 0.5], [-0.5, -1.5]]);
    expect([r1, i1, r2, i2]).toEqual([-1, 0, -1, 0]);
  });

  it('keeps full relative precision for eigenvalues of very different size', () => {
    const [[big], [small]] = eigen2x2([[1e8, 1], [0, 1e-8]]);
    expect(big).toBeCloseTo(1e8, 6);
    expect(small / 1e-8).toBeCloseTo(1, 12);
  });

  it('rejects non-finite entries', () => {
    expect(() => eigen2x2([[NaN, 0], [0, 1]])).toThrow(/finite/);
  });
});
