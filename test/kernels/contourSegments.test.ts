import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contourSegments } from '../../src/index.js';

const grid = (lo: number, hi: number, n: number) => Float64Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));

function sample(f: (x: number, y: number) => number, xs: Float64Array, ys: Float64Array): Float64Array {
  const out = new Float64Array(xs.length * ys.length);
  for (let iy = 0; iy < ys.length; iy++) for (let ix = 0; ix < xs.length; ix++) out[iy * xs.length + ix] = f(xs[ix], ys[iy]);
  return out;
}

describe('contourSegments', () => {
  it('places every end point of a linear function’s contour exactly on its zero line', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (a, b, c) => {
        fc.pre(Math.abs(a) + Math.abs(b) > 0.1);
        const xs = grid(-1, 1, 21);
        const ys = grid(-1.5, 1, 17);
        const segments = contourSegments(sample((x, y) => a * x + b * y + c, xs, ys), xs, ys);
        expect(segments.length % 4).toBe(0);
        for (let k = 0; k < segments.length; k += 2) expect(Math.abs(a * segments[k] + b * segments[k + 1] + c)).toBeLessThan(1e-12);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('traces a circle as a closed chain of segments close to it', () => {
    const xs = grid(-2, 2, 81);
    const ys = grid(-2, 2, 81);
    // r² = 1.1: no grid point (multiples of 0.05) lies exactly on it
    const radius = Math.sqrt(1.1);
    const segments = contourSegments(sample((x, y) => x * x + y * y, xs, ys), xs, ys, 1.1);
    let length = 0;
    for (let k = 0; k < segments.length; k += 4) {
      for (const p of [k, k + 2]) expect(Math.abs(Math.hypot(segments[p], segments[p + 1]) - radius)).toBeLessThan(2e-3);
      length += Math.hypot(segments[k + 2] - segments[k], segments[k + 3] - segments[k + 1]);
    }
    expect(length).toBeCloseTo(2 * Math.PI * radius, 2);
    // closed: every end point is shared by exactly two segments
    const key = (x: number, y: number) => `${x.toFixed(9)},${y.toFixed(9)}`;
    const degree = new Map<string, number>();
    for (let k = 0; k < segments.length; k += 2) degree.set(key(segments[k], segments[k + 1]), (degree.get(key(segments[k], segments[k + 1])) ?? 0) + 1);
    for (const count of degree.values()) expect(count).toBe(2);
  });

  it('splits a saddle cell by the centre value and skips cells with non-finite corners', () => {
    const xs = Float64Array.of(0, 1);
    const ys = Float64Array.of(0, 1);
    // corners (0,0)=1, (1,0)=−1, (1,1)=1, (0,1)=−1: centre mean 0 counts as inside, joining the two positive corners
    const joined = contourSegments(Float64Array.of(1, -1, -1, 1), xs, ys);
    expect(Array.from(joined)).toEqual([0.5, 0, 1, 0.5, 0.5, 1, 0, 0.5]);
    const separated = contourSegments(Float64Array.of(1, -2, -2, 1), xs, ys);
    expect(Array.from(separated)).toEqual([0, 1 / 3, 1 / 3, 0, 1, 2 / 3, 2 / 3, 1]);
    expect(contourSegments(Float64Array.of(1, NaN, -1, 1), xs, ys).length).toBe(0);
    expect(() => contourSegments(new Float64Array(3), xs, ys)).toThrow(RangeError);
  });
});
