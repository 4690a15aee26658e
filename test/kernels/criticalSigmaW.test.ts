import { describe, expect, it } from 'vitest';
import { chi1, criticalLine, criticalSigmaW } from '../../src/index.js';

/** An independent solver: trapezoid integrals and plain bisection for q* and for χ₁ = 1. */
function referenceCriticalSigmaW(sb: number): number {
  const expectation = (g: (z: number) => number): number => {
    // Spectrally accurate: the poles of tanh(√q z) lie ≈ 0.9 off the axis, so the error is ~e^(−2π·0.9/h).
    const h = 0.02;
    let sum = 0;
    for (let k = -500; k <= 500; k++) sum += g(k * h) * Math.exp(-0.5 * (k * h) ** 2);
    return (sum * h) / Math.sqrt(2 * Math.PI);
  };
  const bisect = (f: (x: number) => number, lo: number, hi: number): number => {
    for (let i = 0; i < 60; i++) {
      const mid = 0.5 * (lo + hi);
      if (f(mid) > 0 === f(lo) > 0) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  };
  const excess = (sw: number): number => {
    const q = bisect((x) => sw * sw * expectation((z) => Math.tanh(Math.sqrt(x) * z) ** 2) + sb * sb - x, 0, sw * sw + sb * sb + 1);
    return sw * sw * expectation((z) => Math.cosh(Math.sqrt(q) * z) ** -4) - 1;
  };
  return bisect(excess, 1, 4);
}

describe('criticalSigmaW', () => {
  it('is exactly 1 without biases', () => {
    expect(criticalSigmaW(0)).toBe(1);
  });

  it('puts χ₁ = 1 on the boundary, ordered just below it and chaotic just above', () => {
    for (const sb of [0.05, 0.1, 0.2, 0.3, 0.5, 1]) {
      const sw = criticalSigmaW(sb);
      expect(chi1(sw, sb)).toBeCloseTo(1, 11);
      expect(chi1(sw * 0.999, sb)).toBeLessThan(1);
      expect(chi1(sw * 1.001, sb)).toBeGreaterThan(1);
    }
  });

  it('agrees with an independent trapezoid-and-bisection solver', () => {
    for (const sb of [0.3, 1]) expect(criticalSigmaW(sb)).toBeCloseTo(referenceCriticalSigmaW(sb), 8);
  });

  it('grows with σ_b', () => {
    const line = criticalLine([0, 0.05, 0.1, 0.2, 0.3, 0.5, 1]);
    for (let i = 1; i < line.length; i++) expect(line[i].sigmaW).toBeGreaterThan(line[i - 1].sigmaW);
  });

  it('lists the boundary point by point in the order given', () => {
    expect(criticalLine([0.3, 0])).toEqual([
      { sigmaB: 0.3, sigmaW: criticalSigmaW(0.3) },
      { sigmaB: 0, sigmaW: 1 },
    ]);
  });

  it('rejects a negative σ_b', () => {
    expect(() => criticalSigmaW(-0.1)).toThrow(/σ_b ≥ 0/);
  });
});
