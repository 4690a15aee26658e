import { describe, it, expect } from 'vitest';
import {
  lifConfig,
  lifExpSynConfig,
  lifExpSynParams,
  lifParams,
  lifSteadyState,
  lifTauM,
  noisyLifConfig,
  noisyLifParams,
  parseParams,
  withDefaults,
} from '../../src/index.js';

describe('LIF models of the course', () => {
  it('default to C_m 0.4 nF, g_L 20 nS (τ_m 20 ms), I 0.44 nA (V∞ −48 mV), threshold −50 mV, reset −90 mV, exact', () => {
    const config = lifConfig(parseParams(lifParams, {}));
    expect(lifTauM(config)).toBeCloseTo(0.02, 15);
    expect(lifSteadyState(config)).toBeCloseTo(-0.048, 15);
    expect(config.threshold).toBe(-0.05);
    expect(config.reset).toBe(-0.09);
    expect(config.method).toBe('exact');
  });

  it('parse unit strings and name the parameter on a dimension mismatch', () => {
    const config = lifConfig(parseParams(lifParams, { 'i-stim': '440 pA', 'c-m': '0.2nF' }));
    expect(config.current).toBeCloseTo(0.44e-9, 20);
    expect(config.capacitance).toBeCloseTo(0.2e-9, 20);
    expect(() => parseParams(lifExpSynParams, { 'tau-syn': '3 nA' })).toThrow(/tau-syn expects a time, got a current/);
    expect(() => parseParams(lifParams, { method: 'euler-maruyama' })).toThrow(/method: expected one of exact, euler, rk4/);
  });

  it('give the noisy LIF σ = 0.3 mV with Euler–Maruyama, and the synaptic LIF τ_syn = 5 ms', () => {
    const noisy = noisyLifConfig(parseParams(noisyLifParams, {}));
    expect(noisy.sigma).toBeCloseTo(0.3e-3, 15);
    expect(noisy.method).toBe('euler-maruyama');
    expect(lifExpSynConfig(parseParams(lifExpSynParams, {})).tauSyn).toBeCloseTo(0.005, 15);
  });

  it('let a command replace defaults without redeclaring the parameters', () => {
    const specs = withDefaults(lifParams, { 'i-stim': 0 });
    expect(lifConfig(parseParams(specs, {})).current).toBe(0);
    expect(() => withDefaults(lifParams, { 'no-such': 1 })).toThrow(/no parameter named no-such/);
  });

  it('refuse a reset at or above the threshold', () => {
    expect(() => lifConfig(parseParams(lifParams, { 'v-reset': '-40 mV' }))).toThrow(/v-reset/);
  });
});
