import { describe, expect, it } from 'vitest';
import { createRk4Scratch, rk4Step } from '../../src/index.js';
import type { OdeRhs } from '../../src/index.js';

const oscillator: OdeRhs = (_t, x, out) => {
  out[0] = x[1];
  out[1] = -x[0];
};

function integrate(f: OdeRhs, initial: number[], duration: number, steps: number): Float64Array {
  const state = Float64Array.from(initial);
  const scratch = createRk4Scratch(state.length);
  const dt = duration / steps;
  for (let s = 0; s < steps; s++) rk4Step(f, state, s * dt, dt, scratch);
  return state;
}

describe('rk4Step', () => {
  it('integrates a cubic in t exactly (Simpson weights)', () => {
    const cubic: OdeRhs = (t, _x, out) => {
      out[0] = 4 * t * t * t - 3 * t * t + 1;
    };
    const [x] = integrate(cubic, [0], 2, 7);
    expect(x).toBeCloseTo(16 - 8 + 2, 12);
  });

  it('converges at fourth order on the harmonic oscillator', () => {
    const error = (steps: number): number => {
      const [x, v] = integrate(oscillator, [1, 0], 10, steps);
      return Math.hypot(x - Math.cos(10), v + Math.sin(10));
    };
    const ratio = error(200) / error(400);
    expect(ratio).toBeGreaterThan(14);
    expect(ratio).toBeLessThan(18);
    expect(error(400)).toBeLessThan(1e-7);
  });

  it('passes the stage times to a time-dependent right-hand side', () => {
    // dx/dt = x·cos(t): x(t) = exp(sin t).
    const [x] = integrate((t, s, out) => (out[0] = s[0] * Math.cos(t)), [1], 3, 600);
    expect(x).toBeCloseTo(Math.exp(Math.sin(3)), 9);
  });

  it('gives the same trajectory with one scratch reused or a fresh one per step', () => {
    const reused = integrate(oscillator, [0.3, -0.2], 5, 100);
    const state = Float64Array.from([0.3, -0.2]);
    for (let s = 0; s < 100; s++) rk4Step(oscillator, state, s * 0.05, 0.05, createRk4Scratch(2));
    expect(Array.from(state)).toEqual(Array.from(reused));
  });
});
