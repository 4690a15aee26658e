import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normaliseInPlace } from '../../src/index.js';

describe('normaliseInPlace', () => {
  it('leaves a unit vector with the same direction and returns the old norm', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 }), (values) => {
        const norm = Math.hypot(...values);
        fc.pre(norm > 1e-100);
        const x = Float64Array.from(values);
        expect(normaliseInPlace(x)).toBeCloseTo(norm, 10);
        expect(Math.hypot(...x)).toBeCloseTo(1, 12);
        for (let i = 0; i < x.length; i++) expect(x[i] * norm).toBeCloseTo(values[i], 9);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('refuses the zero vector', () => {
    expect(() => normaliseInPlace(new Float64Array(3))).toThrow(RangeError);
  });
});
