import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { denseMatVec } from '../../src/index.js';

describe('denseMatVec', () => {
  it('multiplies a row-major matrix by a vector', () => {
    const out = new Float64Array(2);
    denseMatVec(Float64Array.from([1, 2, 3, 4, 5, 6]), 2, 3, Float64Array.from([1, 0, -1]), out);
    expect(Array.from(out)).toEqual([-2, -2]);
  });

  it('is linear in the vector', () => {
    const size = fc.integer({ min: 1, max: 8 });
    fc.assert(
      fc.property(size, size, fc.double({ min: -3, max: 3, noNaN: true }), fc.integer({ min: 0, max: 1000 }), (rows, cols, scale, seed) => {
        const value = (i: number): number => Math.sin(seed + 1.7 * i);
        const a = Float64Array.from({ length: rows * cols }, (_, i) => value(i));
        const x = Float64Array.from({ length: cols }, (_, i) => value(100 + i));
        const y = Float64Array.from({ length: cols }, (_, i) => value(200 + i));
        const combined = Float64Array.from(x, (v, i) => v + scale * y[i]);
        const [ax, ay, ac] = [new Float64Array(rows), new Float64Array(rows), new Float64Array(rows)];
        denseMatVec(a, rows, cols, x, ax);
        denseMatVec(a, rows, cols, y, ay);
        denseMatVec(a, rows, cols, combined, ac);
        for (let i = 0; i < rows; i++) expect(ac[i]).toBeCloseTo(ax[i] + scale * ay[i], 12);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
