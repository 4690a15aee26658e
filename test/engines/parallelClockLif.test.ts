import { describe, expect, it } from 'vitest';
import {
  ClockLifEngine,
  ParallelClockLifEngine,
  RandomStreams,
  SpikeRecorder,
  balancedLifConfig,
  balancedLifDrive,
  balancedLifInitialState,
  balancedLifNetwork,
  balancedLifParams,
  balancedLifWeight,
  parseParams,
  type ClockLifOptions,
} from '../../src/index.js';

function options(seed: number, weighted: boolean): ClockLifOptions {
  const config = balancedLifConfig(parseParams(balancedLifParams, { N: 600, K: 60, rheobase: 1 }));
  const streams = new RandomStreams(seed);
  let csr = balancedLifNetwork(config, streams);
  if (weighted) {
    const random = streams.stream('weights');
    const weights = new Float64Array(csr.targets.length);
    for (let k = 0; k < weights.length; k++) weights[k] = -0.2 * random.uniform();
    csr = { ...csr, weights };
  }
  return {
    csr,
    v0: balancedLifInitialState(config, streams),
    dt: 1e-4,
    tauM: config.tauM,
    drive: balancedLifDrive(config),
    threshold: config.threshold,
    reset: config.reset,
    weight: balancedLifWeight(config),
  };
}

describe('ParallelClockLifEngine', () => {
  it.each([
    [2, false, true],
    [3, false, true],
    [4, true, true],
    [2, false, false],
    [3, true, false],
  ])('emits the same spikes and potentials as the single-thread engine on %i threads (weighted: %s, wasm: %s)', async (threads, weighted, wasm) => {
    const reference = new ClockLifEngine({ ...options(5, weighted), wasm: !wasm });
    const parallel = new ParallelClockLifEngine({ ...options(5, weighted), wasm }, threads);
    try {
      expect(parallel.usesWasm).toBe(wasm);
      const expected = new SpikeRecorder();
      const observed = new SpikeRecorder();
      for (const steps of [1, 7, 250, 1000, 42]) {
        reference.advance(steps, expected);
        parallel.advance(steps, observed);
        expect(Array.from(parallel.variable('V'))).toEqual(Array.from(reference.variable('V')));
      }
      expect(expected.length).toBeGreaterThan(100);
      expect(Array.from(observed.neuron.view())).toEqual(Array.from(expected.neuron.view()));
      expect(Array.from(observed.step.view())).toEqual(Array.from(expected.step.view()));
      expect(parallel.step).toBe(reference.step);
    } finally {
      await parallel.dispose();
    }
  });
});
