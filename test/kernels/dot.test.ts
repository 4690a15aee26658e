import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dot } from '../../src/index.js';

describe('dot', () => {
  it('is exact on integer-valued vectors of every length and offset', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 40 }), fc.nat({ max: 5 }), fc.nat({ max: 5 }), (values, aStart, bStart) => {
        const length = values.length;
        const a = new Float64Array(aStart + length);
        const b = new Float64Array(bStart + length);
        let expected = 0;
        values.forEach((v, j) => {
          a[aStart + j] = v;
          b[bStart + j] = j - 7;
          expected += v * (j - 7);
        });
        expect(dot(a, aStart, b, bStart, length)).toBe(expected);
      }),
      { numRuns: 200, seed: 2 },
    );
  });

  it('agrees with the sequential sum to rounding on random vectors', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 300 }), (values) => {
        const a = Float64Array.from(values);
        const b = Float64Array.from(values, (v, j) => Math.sin(j) * v);
        let sequential = 0;
        let magnitude = 0;
        for (let j = 0; j < a.length; j++) {
          sequential += a[j] * b[j];
          magnitude += Math.abs(a[j] * b[j]);
        }
        expect(Math.abs(dot(a, 0, b, 0, a.length) - sequential)).toBeLessThanOrEqual(1e-14 * (magnitude + 1e-300) * a.length);
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});
