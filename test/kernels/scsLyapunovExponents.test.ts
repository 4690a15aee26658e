import { describe, expect, it } from 'vitest';
import { scsLyapunovExponents } from '../../src/index.js';

/** Standard normals by Box–Muller over a 32-bit LCG, local to this test (seeded, deterministic). */
function normals(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** J_ij ~ N(0, g²/N) with J_ii = 0, an initial state and k tangent vectors. */
function setup(n: number, g: number, k: number, seed: number): { coupling: Float64Array; state: Float64Array; tangents: Float64Array } {
  const normal = normals(seed);
  const coupling = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) coupling[i * n + j] = i === j ? 0 : (g / Math.sqrt(n)) * normal();
  const state = Float64Array.from({ length: n }, normal);
  const tangents = Float64Array.from({ length: n * k }, normal);
  return { coupling, state, tangents };
}

describe('scsLyapunovExponents', () => {
  it('sums all N exponents to −N, the trace of the Jacobian when J_ii = 0', () => {
    const n = 6;
    for (const g of [0.5, 2, 4]) {
      // RK4 changes the tangent volume by O(dt⁵) per step; dt = 0.025 keeps the drift near 1e-7 over T = 200.
      const exponents = scsLyapunovExponents({ ...setup(n, g, n, 11), n, k: n, dt: 0.025, transientSteps: 400, steps: 8000, renormEvery: 5 });
      const sum = exponents.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum + n) / n).toBeLessThan(1e-6);
      for (let j = 1; j < n; j++) expect(exponents[j]).toBeLessThanOrEqual(exponents[j - 1] + 1e-2);
    }
  });

  it('finds a negative largest exponent at g = 0.5 (the rest state is stable) and a positive one at g = 3 (chaos)', () => {
    const n = 200;
    const run = (g: number): number =>
      scsLyapunovExponents({ ...setup(n, g, 1, 2024), n, k: 1, dt: 0.1, transientSteps: 400, steps: 1100, renormEvery: 10 })[0];
    const ordered = run(0.5);
    // At rest the Jacobian is −1 + J, whose spectrum fills a disc of radius ≈ g: λ_max ≈ −1 + g.
    expect(ordered).toBeLessThan(-0.3);
    expect(ordered).toBeGreaterThan(-0.75);
    expect(run(3)).toBeGreaterThan(0.05);
  });

  it('rejects k outside [1, n]', () => {
    const { coupling, state, tangents } = setup(3, 1, 3, 1);
    expect(() => scsLyapunovExponents({ coupling, state, tangents, n: 3, k: 4, dt: 0.1, transientSteps: 0, steps: 1, renormEvery: 1 })).toThrow(/k ≤ n/);
  });
});
