import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scsJacobianBlock, scsJacobianVector, scsRhs, tanhSlope } from '../../src/index.js';

/** A deterministic dense coupling matrix with a zero diagonal and a state, from one seed. */
function network(n: number, seed: number): { coupling: Float64Array; h: Float64Array } {
  const value = (i: number): number => Math.sin(seed * 12.9898 + i * 78.233) * 2;
  const coupling = Float64Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 0 : value(i) / Math.sqrt(n)));
  const h = Float64Array.from({ length: n }, (_, i) => value(n * n + i));
  return { coupling, h };
}

describe('SCS network kernels', () => {
  it('computes dh/dt = −h + J·tanh(h)', () => {
    const coupling = Float64Array.from([0, 2, -1, 0]);
    const h = Float64Array.from([0.5, -1]);
    const out = new Float64Array(2);
    const rate = new Float64Array(2);
    scsRhs(coupling, 2, h, out, rate);
    expect(out[0]).toBeCloseTo(-0.5 + 2 * Math.tanh(-1), 15);
    expect(out[1]).toBeCloseTo(1 - Math.tanh(0.5), 15);
    expect(rate[0]).toBe(Math.tanh(0.5));
  });

  it('gives the Jacobian–vector product J·(tanh′(h)⊙v) − v that central differences of the right-hand side approach', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 10_000 }), (n, seed) => {
        const { coupling, h } = network(n, seed);
        const v = Float64Array.from({ length: n }, (_, i) => Math.cos(seed + i));
        const slope = new Float64Array(n);
        const weighted = new Float64Array(n);
        const product = new Float64Array(n);
        tanhSlope(h, slope, n);
        scsJacobianVector(coupling, n, slope, v, product, weighted);
        const eps = 1e-6;
        const plus = new Float64Array(n);
        const minus = new Float64Array(n);
        scsRhs(coupling, n, Float64Array.from(h, (x, i) => x + eps * v[i]), plus, weighted);
        scsRhs(coupling, n, Float64Array.from(h, (x, i) => x - eps * v[i]), minus, weighted);
        for (let i = 0; i < n; i++) expect(Math.abs(product[i] - (plus[i] - minus[i]) / (2 * eps))).toBeLessThan(1e-8);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('applies the same product to every column of a block', () => {
    const n = 7;
    const k = 3;
    const { coupling, h } = network(n, 3);
    const vectors = Float64Array.from({ length: n * k }, (_, i) => Math.sin(0.3 * i));
    const slope = new Float64Array(n);
    tanhSlope(h, slope, n);
    const block = new Float64Array(n * k);
    scsJacobianBlock(coupling, n, slope, vectors, k, block, new Float64Array(n * k));
    for (let c = 0; c < k; c++) {
      const single = new Float64Array(n);
      scsJacobianVector(coupling, n, slope, vectors.subarray(c * n, c * n + n), single, new Float64Array(n));
      expect(Array.from(block.subarray(c * n, c * n + n))).toEqual(Array.from(single));
    }
  });

  it('computes tanh′ = 1 − tanh²', () => {
    const slope = new Float64Array(3);
    tanhSlope(Float64Array.from([0, 1, -30]), slope, 3);
    expect(slope[0]).toBe(1);
    expect(slope[1]).toBeCloseTo(1 / Math.cosh(1) ** 2, 15);
    expect(slope[2]).toBe(0);
  });
});
