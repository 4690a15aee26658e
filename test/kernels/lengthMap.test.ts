import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lengthFixedPoint, lengthMap } from '../../src/index.js';

/** ∫ g(z) Dz by the trapezoid rule on [−12, 12], spectrally accurate for these analytic integrands. */
function gaussianTrapezoid(g: (z: number) => number): number {
  const h = 0.005;
  let sum = 0;
  for (let k = -2400; k <= 2400; k++) {
    const z = k * h;
    sum += g(z) * Math.exp(-0.5 * z * z);
  }
  return (sum * h) / Math.sqrt(2 * Math.PI);
}

describe('lengthMap', () => {
  it('maps q to σ_w²·E[tanh(√q z)²] + σ_b², agreeing with an independent quadrature', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 4, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (q, sw, sb) => {
        const reference = sw * sw * gaussianTrapezoid((z) => Math.tanh(Math.sqrt(q) * z) ** 2) + sb * sb;
        expect(Math.abs(lengthMap(q, sw, sb) - reference)).toBeLessThan(1e-9 * (1 + reference));
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  it('returns σ_b² for a zero input length or zero weights', () => {
    expect(lengthMap(0, 2, 0.3)).toBeCloseTo(0.09, 15);
    expect(lengthMap(5, 0, 0.3)).toBeCloseTo(0.09, 15);
  });

  it('is linear, σ_w²·q, for small q where tanh is linear', () => {
    expect(lengthMap(1e-8, 1.5, 0) / 1e-8).toBeCloseTo(2.25, 6);
  });
});

describe('lengthFixedPoint', () => {
  it('returns a fixed point of the length map that iteration converges to from above and below', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 4, noNaN: true }), fc.double({ min: 0.01, max: 2, noNaN: true }), (sw, sb) => {
        const q = lengthFixedPoint(sw, sb);
        expect(Math.abs(lengthMap(q, sw, sb) - q)).toBeLessThan(1e-12 * (1 + q));
        for (const start of [1e-3, 20]) {
          let iterate = start;
          for (let l = 0; l < 3000; l++) iterate = lengthMap(iterate, sw, sb);
          expect(iterate).toBeCloseTo(q, 8);
        }
      }),
      { seed: 42, numRuns: 25 },
    );
  });

  it('is 0 without biases while σ_w ≤ 1, and positive once σ_w > 1', () => {
    expect(lengthFixedPoint(0.5, 0)).toBe(0);
    expect(lengthFixedPoint(1, 0)).toBe(0);
    const sw = 1.02;
    const q = lengthFixedPoint(sw, 0);
    // Expanding tanh²: σ_w⁻² = 1 − 2q + (17/3)q² + O(q³), a quadratic for q.
    const a = 17 / 3;
    const predicted = (2 - Math.sqrt(4 - 4 * a * (1 - 1 / (sw * sw)))) / (2 * a);
    expect(q).toBeGreaterThan(0);
    expect(q / predicted).toBeCloseTo(1, 2);
    expect(Math.abs(lengthMap(q, sw, 0) - q)).toBeLessThan(1e-15);
  });

  it('rejects negative or non-finite standard deviations', () => {
    expect(() => lengthFixedPoint(-1, 0.1)).toThrow(/σ_w/);
    expect(() => lengthFixedPoint(1, Infinity)).toThrow(/σ_b/);
  });
});
