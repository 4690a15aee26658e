import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { minMaxDecimate } from '../../src/index.js';

const signal = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3000 });
const budget = fc.integer({ min: 2, max: 500 });

function times(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => i * 0.5);
}

describe('minMaxDecimate', () => {
  it('returns an equal copy when the signal already fits the budget', () => {
    const t = times(5);
    const y = Float64Array.from([3, 1, 4, 1, 5]);
    const out = minMaxDecimate(t, y, 5);
    expect(Array.from(out.y)).toEqual([3, 1, 4, 1, 5]);
    expect(Array.from(out.t)).toEqual(Array.from(t));
    expect(out.y).not.toBe(y);
  });

  it('never returns more than maxPoints points', () => {
    fc.assert(
      fc.property(signal, budget, (values, maxPoints) => {
        const out = minMaxDecimate(times(values.length), Float64Array.from(values), maxPoints);
        expect(out.t.length).toBe(out.y.length);
        expect(out.t.length).toBeLessThanOrEqual(maxPoints);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('keeps the global minimum and maximum', () => {
    fc.assert(
      fc.property(signal, budget, (values, maxPoints) => {
        const out = minMaxDecimate(times(values.length), Float64Array.from(values), maxPoints);
        expect(Math.min(...out.y)).toBe(Math.min(...values));
        expect(Math.max(...out.y)).toBe(Math.max(...values));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('returns original samples in time order', () => {
    fc.assert(
      fc.property(signal, budget, (values, maxPoints) => {
        const t = times(values.length);
        const out = minMaxDecimate(t, Float64Array.from(values), maxPoints);
        for (let k = 0; k < out.t.length; k++) {
          const i = out.t[k] / 0.5;
          expect(out.y[k]).toBe(values[i]);
          if (k > 0) expect(out.t[k]).toBeGreaterThan(out.t[k - 1]);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('keeps a one-sample spike in a long flat trace', () => {
    const y = new Float64Array(100_000).fill(-65);
    y[54_321] = 20;
    y[77_777] = -80;
    const out = minMaxDecimate(times(y.length), y, 100);
    expect(out.y).toContain(20);
    expect(out.y).toContain(-80);
    expect(out.t[Array.from(out.y).indexOf(20)]).toBe(54_321 * 0.5);
  });

  it('uses the budget for long signals: two points per bucket when the bucket varies', () => {
    const y = Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i));
    expect(minMaxDecimate(times(y.length), y, 1000).t.length).toBe(1000);
  });

  it('ignores NaN when choosing extremes and keeps all-NaN buckets as gaps', () => {
    const y = Float64Array.from([NaN, 1, NaN, 7, NaN, NaN, NaN, NaN]);
    const out = minMaxDecimate(times(8), y, 4);
    expect(Array.from(out.y.subarray(0, 2))).toEqual([1, 7]);
    expect(Number.isNaN(out.y[2])).toBe(true);
    expect(out.t.length).toBe(3);
  });

  it('rejects a budget below two and mismatched columns', () => {
    expect(() => minMaxDecimate(times(3), new Float64Array(3), 1)).toThrow(/maxPoints/);
    expect(() => minMaxDecimate(times(3), new Float64Array(3), 2.5)).toThrow(/maxPoints/);
    expect(() => minMaxDecimate(times(3), new Float64Array(4), 2)).toThrow(/equal length/);
  });
});
