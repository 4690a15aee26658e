import { describe, expect, it } from 'vitest';
import { createRk4Scratch, createScsScratch, rk4Step, scsRhs, scsRk4Step } from '../../src/index.js';

function network(n: number, seed: number): { coupling: Float64Array; h: Float64Array } {
  const value = (i: number): number => Math.sin(seed * 12.9898 + i * 78.233) * 2;
  const coupling = Float64Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 0 : (2 * value(i)) / Math.sqrt(n)));
  const h = Float64Array.from({ length: n }, (_, i) => value(n * n + i));
  return { coupling, h };
}

describe('scsRk4Step', () => {
  it('advances the state exactly as the generic RK4 step on the SCS right-hand side', () => {
    const n = 10;
    const { coupling, h } = network(n, 1);
    const generic = h.slice();
    const rate = new Float64Array(n);
    const scratch = createRk4Scratch(n);
    const scs = createScsScratch(n, 0);
    const joint = h.slice();
    for (let step = 0; step < 50; step++) {
      rk4Step((_t, x, out) => scsRhs(coupling, n, x, out, rate), generic, step * 0.05, 0.05, scratch);
      scsRk4Step(coupling, joint, new Float64Array(0), 0.05, scs);
    }
    for (let i = 0; i < n; i++) expect(joint[i]).toBeCloseTo(generic[i], 13);
  });

  it('advances tangent vectors by the derivative of the step map', () => {
    const n = 8;
    const k = 2;
    const { coupling, h } = network(n, 2);
    const dt = 0.1;
    const tangents = Float64Array.from({ length: n * k }, (_, i) => Math.cos(1.3 * i));
    const initial = tangents.slice();
    const state = h.slice();
    scsRk4Step(coupling, state, tangents, dt, createScsScratch(n, k));
    const eps = 1e-6;
    const empty = new Float64Array(0);
    const scratch = createScsScratch(n, 0);
    for (let c = 0; c < k; c++) {
      const plus = Float64Array.from(h, (x, i) => x + eps * initial[c * n + i]);
      const minus = Float64Array.from(h, (x, i) => x - eps * initial[c * n + i]);
      scsRk4Step(coupling, plus, empty, dt, scratch);
      scsRk4Step(coupling, minus, empty, dt, scratch);
      for (let i = 0; i < n; i++) expect(Math.abs(tangents[c * n + i] - (plus[i] - minus[i]) / (2 * eps))).toBeLessThan(1e-8);
    }
    // The state advanced alongside the tangents is the plain step.
    const plain = h.slice();
    scsRk4Step(coupling, plain, empty, dt, scratch);
    expect(Array.from(state)).toEqual(Array.from(plain));
  });

  it('rejects more tangent vectors than units', () => {
    expect(() => createScsScratch(3, 4)).toThrow(/k ≤ n/);
  });
});
