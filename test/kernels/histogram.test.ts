import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { histogram } from '../../src/index.js';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
const messyValue = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
);

describe('histogram', () => {
  it('counts every finite value exactly once with the default range', () => {
    fc.assert(
      fc.property(fc.array(messyValue, { maxLength: 500 }), fc.integer({ min: 1, max: 100 }), (values, bins) => {
        const { counts, edges } = histogram(Float64Array.from(values), { bins });
        expect(counts.length).toBe(bins);
        expect(edges.length).toBe(bins + 1);
        expect(sum(counts)).toBe(values.filter(Number.isFinite).length);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('puts each value in the bin whose edges enclose it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 1 }), ([v]) => {
        const { counts, edges } = histogram([v, -100, 100], { bins: 13, min: -100, max: 100 });
        const bin = Array.from(counts).findIndex((c, i) => c > (i === 0 ? 1 : 0) + (i === 12 ? 1 : 0));
        expect(v).toBeGreaterThanOrEqual(edges[bin] - 1e-9);
        expect(v).toBeLessThanOrEqual(edges[bin + 1] + 1e-9);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('is additive over chunks for a fixed range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true })),
        (a, b) => {
          const options = { bins: 7, min: 0, max: 1 };
          const whole = histogram([...a, ...b], options).counts;
          const left = histogram(a, options).counts;
          const right = histogram(b, options).counts;
          expect(Array.from(whole)).toEqual(Array.from(left, (c, i) => c + right[i]));
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it('spans [min, max] with equal bins and counts max in the last bin', () => {
    const { edges, counts } = histogram([0, 0.5, 1, 2, 4], { bins: 4 });
    expect(Array.from(edges)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(counts)).toEqual([2, 1, 1, 1]);
  });

  it('leaves out values beyond an explicit range', () => {
    const { counts } = histogram([-5, 0, 3, 10, 11], { bins: 2, min: 0, max: 10 });
    expect(Array.from(counts)).toEqual([2, 1]);
  });

  it('widens a degenerate range to one unit around the value', () => {
    const { edges, counts } = histogram([3, 3, 3], { bins: 2 });
    expect(Array.from(edges)).toEqual([2.5, 3, 3.5]);
    expect(sum(counts)).toBe(3);
    expect(sum(histogram([], { bins: 3 }).counts)).toBe(0);
  });

  it('rejects a non-integer bin count and an inverted range', () => {
    expect(() => histogram([1], { bins: 0 })).toThrow(/bins/);
    expect(() => histogram([1], { bins: 1.5 })).toThrow(/bins/);
    expect(() => histogram([1], { bins: 2, min: 3, max: 1 })).toThrow(/min ≤ max/);
  });
});
