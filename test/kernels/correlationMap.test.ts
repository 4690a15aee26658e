import { describe, expect, it } from 'vitest';
import { chi1, correlationFixedPoint, correlationMap, lengthFixedPoint } from '../../src/index.js';

/** The correlation map by a two-dimensional trapezoid rule, independent of the Gauss–Hermite rule. */
function trapezoidCorrelationMap(c: number, q: number, sw: number, sb: number): number {
  const h = 0.04;
  const limit = 240;
  const root = Math.sqrt(q);
  const across = Math.sqrt(1 - c * c);
  let sum = 0;
  for (let i = -limit; i <= limit; i++) {
    const z1 = i * h;
    let inner = 0;
    for (let j = -limit; j <= limit; j++) {
      const z2 = j * h;
      inner += Math.tanh(root * (c * z1 + across * z2)) * Math.exp(-0.5 * z2 * z2);
    }
    sum += Math.tanh(root * z1) * Math.exp(-0.5 * z1 * z1) * inner;
  }
  const integral = (sum * h * h) / (2 * Math.PI);
  return (sw * sw * integral + sb * sb) / q;
}

describe('correlationMap', () => {
  it('agrees with an independent two-dimensional quadrature', () => {
    const [sw, sb] = [1.8, 0.3];
    const q = lengthFixedPoint(sw, sb);
    for (const c of [-0.5, 0.2, 0.9]) expect(correlationMap(c, q, sw, sb)).toBeCloseTo(trapezoidCorrelationMap(c, q, sw, sb), 9);
  });

  it('fixes c = 1 at the length fixed point', () => {
    for (const [sw, sb] of [
      [0.9, 0.2],
      [2.5, 0.1],
    ]) {
      const q = lengthFixedPoint(sw, sb);
      expect(correlationMap(1, q, sw, sb)).toBeCloseTo(1, 12);
    }
  });

  it('maps c = 0 to σ_b²/q* because tanh is odd', () => {
    const q = lengthFixedPoint(2, 0.4);
    expect(correlationMap(0, q, 2, 0.4)).toBeCloseTo(0.16 / q, 14);
  });

  it('is increasing and convex in c', () => {
    const q = lengthFixedPoint(2.2, 0.3);
    let previous = -Infinity;
    let previousSlope = -Infinity;
    for (let c = 0; c <= 1.0001; c += 0.05) {
      const value = correlationMap(Math.min(c, 1), q, 2.2, 0.3);
      expect(value).toBeGreaterThan(previous);
      if (previous > -Infinity) {
        const slope = value - previous;
        expect(slope).toBeGreaterThan(previousSlope - 1e-12);
        previousSlope = slope;
      }
      previous = value;
    }
  });

  it('is the identity when q* = 0, its linear limit', () => {
    expect(correlationMap(0.37, 0, 0.8, 0)).toBe(0.37);
  });

  it('rejects correlations outside [−1, 1]', () => {
    expect(() => correlationMap(1.5, 1, 1, 0.1)).toThrow(/\[−1, 1\]/);
  });
});

describe('correlationFixedPoint', () => {
  it('is 1 in the ordered phase', () => {
    expect(chi1(1.1, 0.3)).toBeLessThan(1);
    expect(correlationFixedPoint(1.1, 0.3)).toBe(1);
  });

  it('is a stable fixed point below 1 in the chaotic phase, the limit of iterating the map', () => {
    for (const [sw, sb] of [
      [2.5, 0.3],
      [1.6, 0.2],
      [3, 1],
    ]) {
      expect(chi1(sw, sb)).toBeGreaterThan(1);
      const q = lengthFixedPoint(sw, sb);
      const cStar = correlationFixedPoint(sw, sb);
      expect(cStar).toBeLessThan(1);
      expect(Math.abs(correlationMap(cStar, q, sw, sb) - cStar)).toBeLessThan(1e-12);
      let c = 0.999;
      for (let l = 0; l < 300; l++) c = correlationMap(c, q, sw, sb);
      expect(c).toBeCloseTo(cStar, 8);
    }
  });

  it('is 0 without biases in the chaotic phase', () => {
    expect(correlationFixedPoint(2, 0)).toBe(0);
  });

  it('refuses to define c* when every input shrinks to zero', () => {
    expect(() => correlationFixedPoint(0.9, 0)).toThrow(/q\* > 0/);
  });
});
