import { describe, expect, it } from 'vitest';
import { GAUSS_HERMITE_MAX_NODES, gaussHermite } from '../../src/index.js';

/** E[z^m] under the standard normal: (m − 1)!! for even m, 0 for odd m. */
function normalMoment(m: number): number {
  if (m % 2 === 1) return 0;
  let moment = 1;
  for (let k = m - 1; k > 1; k -= 2) moment *= k;
  return moment;
}

function expectation(rule: { nodes: Float64Array; weights: Float64Array }, g: (z: number) => number): number {
  let sum = 0;
  for (let i = 0; i < rule.nodes.length; i++) sum += rule.weights[i] * g(rule.nodes[i]);
  return sum;
}

describe('gaussHermite', () => {
  it('integrates every monomial up to degree 2n − 1 exactly against the standard normal', () => {
    for (const n of [1, 2, 3, 4, 5, 8, 13, 20]) {
      const rule = gaussHermite(n);
      for (let m = 0; m <= 2 * n - 1; m++) {
        const exact = normalMoment(m);
        const quadrature = expectation(rule, (z) => z ** m);
        // Odd moments cancel between ±z; even ones carry the rounding of the largest term.
        const scale = Math.max(1, expectation(rule, (z) => Math.abs(z) ** m));
        expect(Math.abs(quadrature - exact)).toBeLessThan(1e-13 * scale);
      }
    }
  });

  it('is not exact at degree 2n, so the exactness above is a real property', () => {
    const rule = gaussHermite(3);
    expect(Math.abs(expectation(rule, (z) => z ** 6) - 15)).toBeGreaterThan(1);
  });

  it('has unit total weight, E[z²] = 1 and E[z⁴] = 3 for large rules', () => {
    for (const n of [50, 100, 300, GAUSS_HERMITE_MAX_NODES]) {
      const rule = gaussHermite(n);
      expect(expectation(rule, () => 1)).toBeCloseTo(1, 13);
      expect(expectation(rule, (z) => z * z)).toBeCloseTo(1, 13);
      expect(expectation(rule, (z) => z ** 4)).toBeCloseTo(3, 12);
    }
  });

  it('returns increasing nodes symmetric about 0 with positive symmetric weights', () => {
    for (const n of [1, 6, 7, 40]) {
      const { nodes, weights } = gaussHermite(n);
      for (let i = 0; i < n; i++) {
        expect(nodes[i] + nodes[n - 1 - i]).toBe(0);
        expect(weights[i]).toBe(weights[n - 1 - i]);
        expect(weights[i]).toBeGreaterThan(0);
        if (i > 0) expect(nodes[i]).toBeGreaterThan(nodes[i - 1]);
      }
    }
  });

  it('matches the closed forms of the two-point rule: ±1 with weights ½', () => {
    const { nodes, weights } = gaussHermite(2);
    expect(Array.from(nodes)).toEqual([-1, 1]);
    expect(weights[0]).toBeCloseTo(0.5, 15);
    const three = gaussHermite(3);
    expect(three.nodes[2]).toBeCloseTo(Math.sqrt(3), 14);
    expect(three.weights[1]).toBeCloseTo(2 / 3, 14);
  });

  it('integrates a smooth non-polynomial: E[cos z] = e^(−1/2)', () => {
    expect(expectation(gaussHermite(30), Math.cos)).toBeCloseTo(Math.exp(-0.5), 14);
  });

  it('rejects node counts it cannot build', () => {
    expect(() => gaussHermite(0)).toThrow(/integer number of nodes/);
    expect(() => gaussHermite(2.5)).toThrow(/integer number of nodes/);
    expect(() => gaussHermite(GAUSS_HERMITE_MAX_NODES + 1)).toThrow(/integer number of nodes/);
  });
});
