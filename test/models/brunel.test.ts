import { describe, it, expect } from 'vitest';
import {
  SpikeRecorder,
  SpikingNetworkEngine,
  brunelConfig,
  brunelConnectivity,
  brunelExternalRate,
  brunelNetworkSpec,
  brunelParams,
  brunelThresholdRate,
  parseParams,
} from '../../src/index.js';

describe('brunel model', () => {
  it('derives the paper’s numbers from its defaults: C_E = 1000, C_I = 250, ν_thr = 10 Hz, ν_ext = η·ν_thr', () => {
    const config = brunelConfig(parseParams(brunelParams, { g: '5', eta: '2' }));
    expect(config.inDegreeE).toBe(1000);
    expect(config.inDegreeI).toBe(250);
    expect(config.externalSynapses).toBe(1000);
    expect(brunelThresholdRate(config)).toBeCloseTo(10, 12);
    expect(brunelExternalRate(config)).toBeCloseTo(20, 12);
  });

  it('accepts units on the command line and names the parameter on a dimension mismatch', () => {
    const config = brunelConfig(parseParams(brunelParams, { J: '0.2 mV', D: '2 ms', theta: '20mV' }));
    expect(config.J).toBeCloseTo(2e-4, 15);
    expect(config.delay).toBeCloseTo(2e-3, 15);
    expect(() => parseParams(brunelParams, { tau: '3 nA' })).toThrow(/tau expects a time, got a current/);
  });

  it('gives every neuron exactly C_E excitatory and C_I inhibitory inputs, never from itself', () => {
    const config = brunelConfig(parseParams(brunelParams, { 'N-E': '400', 'N-I': '100' }));
    const connectivity = brunelConnectivity(config, 4);
    let autapses = 0;
    const inputs = (key: keyof typeof connectivity, postSize: number) => {
      const counts = new Int32Array(postSize);
      const csr = connectivity[key];
      for (let pre = 0; pre < csr.size; pre++) {
        for (let k = csr.offsets[pre]; k < csr.offsets[pre + 1]; k++) {
          counts[csr.targets[k]]++;
          if ((key === 'E->E' || key === 'I->I') && csr.targets[k] === pre) autapses++;
        }
      }
      return Array.from(counts);
    };
    expect(new Set(inputs('E->E', 400))).toEqual(new Set([40]));
    expect(new Set(inputs('E->I', 100))).toEqual(new Set([40]));
    expect(new Set(inputs('I->E', 400))).toEqual(new Set([10]));
    expect(new Set(inputs('I->I', 100))).toEqual(new Set([10]));
    expect(autapses).toBe(0);
  });

  it('builds a network whose runs are reproducible for a seed and whose activity follows the external drive', () => {
    const rate = (eta: string) => {
      const config = brunelConfig(parseParams(brunelParams, { 'N-E': '800', 'N-I': '200', g: '5', eta }));
      const engine = new SpikingNetworkEngine(brunelNetworkSpec(config, { dt: 1e-4, seed: 11 }));
      const spikes = new SpikeRecorder();
      engine.advance(2000, spikes);
      return spikes.neuron.length / (1000 * 0.2);
    };
    expect(rate('2')).toBe(rate('2'));
    expect(rate('0.5')).toBeLessThan(0.5);
    expect(rate('2')).toBeGreaterThan(10);
    expect(rate('3')).toBeGreaterThan(rate('2'));
  });
});
