import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chi1, chi1AtLength, correlationMap, lengthFixedPoint } from '../../src/index.js';

function gaussianTrapezoid(g: (z: number) => number): number {
  const h = 0.005;
  let sum = 0;
  for (let k = -2400; k <= 2400; k++) {
    const z = k * h;
    sum += g(z) * Math.exp(-0.5 * z * z);
  }
  return (sum * h) / Math.sqrt(2 * Math.PI);
}

describe('chi1', () => {
  it('is σ_w²·E[sech⁴(√q* z)], agreeing with an independent quadrature', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (sw, sb) => {
        const root = Math.sqrt(lengthFixedPoint(sw, sb));
        const reference = sw * sw * gaussianTrapezoid((z) => Math.cosh(root * z) ** -4);
        // sech⁴(√q z) has poles π/(2√q) off the real axis, which limit the 300-node rule to ~2e-8 at q* ≈ 3.8, the largest here.
        expect(Math.abs(chi1(sw, sb) - reference)).toBeLessThan(1e-7 * reference);
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it('is the slope of the correlation map at c = 1', () => {
    for (const [sw, sb] of [
      [1.2, 0.1],
      [2, 0.5],
      [0.8, 0.3],
    ]) {
      const q = lengthFixedPoint(sw, sb);
      const h = 1e-6;
      const slope = (correlationMap(1, q, sw, sb) - correlationMap(1 - h, q, sw, sb)) / h;
      expect(slope / chi1(sw, sb)).toBeCloseTo(1, 4);
    }
  });

  it('is σ_w² when q* = 0 (σ_b = 0, σ_w ≤ 1)', () => {
    expect(chi1(0.7, 0)).toBeCloseTo(0.49, 14);
    expect(chi1AtLength(0, 1.3)).toBeCloseTo(1.69, 14);
  });

  it('exceeds 1 by (4/3)·q*² to leading order just past σ_w = 1 without biases', () => {
    const q = lengthFixedPoint(1.005, 0);
    const excess = chi1(1.005, 0) - 1;
    expect(excess).toBeGreaterThan(0);
    expect(excess / ((4 / 3) * q * q)).toBeCloseTo(1, 1);
  });
});
