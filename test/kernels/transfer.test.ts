import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { transferRange, transferSlope, transferValue } from '../../src/index.js';
import type { TransferFunction } from '../../src/index.js';

const sigmoid = (gain: number, threshold: number): TransferFunction => ({ kind: 'sigmoid', gain, threshold });
const linear: TransferFunction = { kind: 'linear', gain: 1, threshold: 0 };
const thresholdLinear: TransferFunction = { kind: 'threshold-linear', gain: 1, threshold: 0 };

describe('transfer functions', () => {
  it('linear is the identity with slope 1', () => {
    for (const x of [-3, 0, 2.5]) {
      expect(transferValue(linear, x)).toBe(x);
      expect(transferSlope(linear, x)).toBe(1);
    }
    expect(transferRange(linear)).toEqual([-Infinity, Infinity]);
  });

  it('threshold-linear is [x]₊ with slope 0 below and at the kink, 1 above', () => {
    expect(transferValue(thresholdLinear, -2)).toBe(0);
    expect(transferValue(thresholdLinear, 0)).toBe(0);
    expect(transferValue(thresholdLinear, 3)).toBe(3);
    expect(transferSlope(thresholdLinear, -2)).toBe(0);
    expect(transferSlope(thresholdLinear, 0)).toBe(0);
    expect(transferSlope(thresholdLinear, 3)).toBe(1);
    expect(transferRange(thresholdLinear)).toEqual([0, Infinity]);
  });

  it('the Wilson–Cowan sigmoid vanishes at 0, has slope a/4 at θ and stays inside its range', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 20, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (a, theta) => {
        const fn = sigmoid(a, theta);
        const [lo, hi] = transferRange(fn);
        expect(transferValue(fn, 0)).toBeCloseTo(0, 15);
        expect(transferSlope(fn, theta)).toBeCloseTo(a / 4, 12);
        expect(hi - lo).toBeCloseTo(1, 12);
        expect(lo).toBeCloseTo(-1 / (1 + Math.exp(a * theta)), 14);
        for (const x of [-1e4, -5, 0, 5, 1e4]) {
          const v = transferValue(fn, x);
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThanOrEqual(hi);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('the sigmoid slope matches a central difference of its value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 10, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (a, theta, x) => {
          const fn = sigmoid(a, theta);
          const h = 1e-5 / a;
          const numeric = (transferValue(fn, x + h) - transferValue(fn, x - h)) / (2 * h);
          expect(Math.abs(numeric - transferSlope(fn, x))).toBeLessThan(1e-7 * a);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('the sigmoid is increasing and finite for huge inputs of either sign', () => {
    const fn = sigmoid(3, 1);
    let previous = -Infinity;
    for (let x = -50; x <= 50; x += 0.25) {
      const v = transferValue(fn, x);
      expect(v).toBeGreaterThanOrEqual(previous);
      previous = v;
    }
    for (const x of [-1e308, 1e308]) {
      expect(Number.isFinite(transferValue(fn, x))).toBe(true);
      expect(transferSlope(fn, x)).toBe(0);
    }
  });
});
