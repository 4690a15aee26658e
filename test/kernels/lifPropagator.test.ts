import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lifPropagator } from '../../src/index.js';

const dt = 1e-4;
const tauM = 0.02;
const tauSyn = 0.005;
const capacitance = 0.4e-9;

/** V(h) − V∞ of dV/dt = −(V − V∞)/τ_m + I₀e^(−t/τ_s)/C from V(0) = V∞: the closed-form synaptic contribution. */
function synapticResponse(h: number, ts: number): number {
  return ((tauM * ts) / (capacitance * (ts - tauM))) * (Math.exp(-h / ts) - Math.exp(-h / tauM));
}

describe('lifPropagator', () => {
  it('exact: decays V − V∞ by e^(−dt/τ_m) and I_syn by e^(−dt/τ_syn)', () => {
    const p = lifPropagator({ method: 'exact', dt, tauM, capacitance, tauSyn });
    expect(p.decay).toBeCloseTo(Math.exp(-dt / tauM), 15);
    expect(p.synapticDecay).toBeCloseTo(Math.exp(-dt / tauSyn), 15);
    expect(p.current / synapticResponse(dt, tauSyn)).toBeCloseTo(1, 12);
    expect(p.noise).toBe(0);
  });

  it('exact: the synaptic coupling is continuous through τ_syn = τ_m', () => {
    const at = lifPropagator({ method: 'exact', dt, tauM, capacitance, tauSyn: tauM }).current;
    expect(at).toBeCloseTo((dt / capacitance) * Math.exp(-dt / tauM), 3);
    const near = lifPropagator({ method: 'exact', dt, tauM, capacitance, tauSyn: tauM * (1 + 1e-9) }).current;
    expect(near / at).toBeCloseTo(1, 8);
  });

  it('euler is I + M and rk4 the degree-4 Taylor polynomial of e^M', () => {
    const h = dt / tauM;
    const euler = lifPropagator({ method: 'euler', dt, tauM, capacitance, tauSyn });
    expect(euler.decay).toBe(1 - h);
    expect(euler.current).toBeCloseTo(dt / capacitance, 6);
    expect(euler.synapticDecay).toBe(1 - dt / tauSyn);
    const rk4 = lifPropagator({ method: 'rk4', dt, tauM });
    expect(rk4.decay).toBeCloseTo(1 - h + h ** 2 / 2 - h ** 3 / 6 + h ** 4 / 24, 15);
  });

  it('rk4 agrees with exact to fifth order in the step, euler only to second', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-5, max: 1e-3, noNaN: true }), (step) => {
        const exact = lifPropagator({ method: 'exact', dt: step, tauM, capacitance, tauSyn });
        const rk4 = lifPropagator({ method: 'rk4', dt: step, tauM, capacitance, tauSyn });
        const h = step / Math.min(tauM, tauSyn);
        expect(Math.abs(rk4.decay - exact.decay)).toBeLessThan(h ** 5);
        expect(Math.abs(rk4.current - exact.current) / exact.current).toBeLessThan(h ** 4);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('noise: Euler–Maruyama adds σ√(2dt/τ_m)·ξ, the exact Ornstein–Uhlenbeck step σ√(1 − e^(−2dt/τ_m))·ξ', () => {
    const sigma = 0.3e-3;
    expect(lifPropagator({ method: 'euler-maruyama', dt, tauM, sigma }).noise).toBeCloseTo(sigma * Math.sqrt((2 * dt) / tauM), 15);
    expect(lifPropagator({ method: 'exact', dt, tauM, sigma }).noise).toBeCloseTo(sigma * Math.sqrt(1 - Math.exp((-2 * dt) / tauM)), 15);
  });

  it('refuses noise with the deterministic schemes and a synaptic current without a capacitance', () => {
    expect(() => lifPropagator({ method: 'rk4', dt, tauM, sigma: 1e-3 })).toThrow(/deterministic/);
    expect(() => lifPropagator({ method: 'euler', dt, tauM, sigma: 1e-3 })).toThrow(/deterministic/);
    expect(() => lifPropagator({ method: 'exact', dt, tauM, tauSyn })).toThrow(/capacitance/);
  });
});
