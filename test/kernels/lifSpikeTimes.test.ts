import { describe, it, expect } from 'vitest';
import { lifSpikeTimes } from '../../src/index.js';

describe('lifSpikeTimes', () => {
  it('gives the first crossing τ ln((V∞ − V₀)/(V∞ − θ)) and then the period τ_ref + τ ln((V∞ − V_r)/(V∞ − θ))', () => {
    // the course neuron: V∞ = −70 mV + 0.44 nA / 20 nS = −48 mV
    const times = lifSpikeTimes({ v0: -0.07, vInf: -0.048, threshold: -0.05, reset: -0.09, tauM: 0.02, refractory: 0.002, duration: 0.3 });
    const first = 0.02 * Math.log(22 / 2);
    const period = 0.002 + 0.02 * Math.log(42 / 2);
    expect(times[0]).toBeCloseTo(first, 14);
    for (let k = 1; k < times.length; k++) expect(times[k] - times[k - 1]).toBeCloseTo(period, 12);
    expect(times.length).toBe(Math.floor((0.3 - first) / period) + 1);
  });

  it('is empty when the steady state does not exceed the threshold', () => {
    expect(lifSpikeTimes({ v0: -0.07, vInf: -0.05, threshold: -0.05, reset: -0.09, tauM: 0.02, duration: 1 }).length).toBe(0);
  });
});
