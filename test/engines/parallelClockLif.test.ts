import { describe, expect, it } from 'vitest';
import {
  ClockLifEngine,
  ParallelClockLifEngine,
  RandomStreams,
  startLifThreads,
  SpikeRecorder,
  balancedLifConfig,
  balancedLifDrive,
  balancedLifInitialState,
  balancedLifNetwork,
  balancedLifParams,
  balancedLifWeight,
  parseParams,
  type ClockLifOptions,
  type StepProbe,
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

function expectSameSpikes(observed: SpikeRecorder, expected: SpikeRecorder): void {
  expect(Array.from(observed.neuron.view())).toEqual(Array.from(expected.neuron.view()));
  expect(Array.from(observed.step.view())).toEqual(Array.from(expected.step.view()));
}

describe('ParallelClockLifEngine', () => {
  it('takes threads started ahead of it (startLifThreads) and still matches the single-thread engine', async () => {
    startLifThreads(2);
    const reference = new ClockLifEngine(options(8, false));
    const parallel = new ParallelClockLifEngine(options(8, false), 3);
    try {
      const expected = new SpikeRecorder();
      const observed = new SpikeRecorder();
      reference.advance(800, expected);
      parallel.advance(800, observed);
      expect(expected.length).toBeGreaterThan(100);
      expectSameSpikes(observed, expected);
    } finally {
      await parallel.dispose();
    }
  });


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
      expectSameSpikes(observed, expected);
      expect(parallel.step).toBe(reference.step);
    } finally {
      await parallel.dispose();
    }
  });

  it.each([
    [true, 'small'],
    [false, 'small'],
    [true, 'wide'],
    [true, 'oversized'],
  ])('samples probes at the start of due steps exactly like the single-thread engine (wasm: %s, probes: %s)', async (wasm, kind) => {
    const everyNeuron = Int32Array.from({ length: 600 }, (_, i) => i);
    const probeSpecs =
      kind === 'small'
        ? [
            { neurons: Int32Array.from([3, 599, 300, 0]), everySteps: 1, endStep: 700 },
            { neurons: Int32Array.from([150, 451]), everySteps: 7, endStep: Infinity },
          ]
        : kind === 'wide'
          ? [{ neurons: everyNeuron, everySteps: 1, endStep: Infinity }]
          : [{ neurons: Int32Array.from({ length: 70_000 }, (_, i) => (i * 7) % 600), everySteps: 97, endStep: Infinity }];
    const probesOf = (steps: number, start: number): StepProbe[] =>
      probeSpecs.map((spec) => {
        const first = Math.ceil(start / spec.everySteps) * spec.everySteps;
        const last = Math.min(start + steps, spec.endStep);
        const samples = first < last ? Math.floor((last - 1 - first) / spec.everySteps) + 1 : 0;
        return { variable: 'V', ...spec, values: new Float64Array(samples * spec.neurons.length), filled: 0 };
      });
    const reference = new ClockLifEngine(options(9, false));
    const parallel = new ParallelClockLifEngine({ ...options(9, false), wasm }, 2);
    try {
      for (const steps of [5, 995, 1000]) {
        const expected = probesOf(steps, reference.step);
        const observed = probesOf(steps, parallel.step);
        reference.advanceProbed(steps, new SpikeRecorder(), expected);
        parallel.advanceProbed(steps, new SpikeRecorder(), observed);
        observed.forEach((probe, p) => {
          expect(probe.filled).toBe(expected[p].filled);
          expect(Array.from(probe.values)).toEqual(Array.from(expected[p].values));
        });
      }
      expect(Array.from(parallel.variable('V'))).toEqual(Array.from(reference.variable('V')));
    } finally {
      await parallel.dispose();
    }
  });

  it('matches the single-thread engine over more spikes than one call of its step loop can hold, with probed and unprobed stretches mixed', async () => {
    const reference = new ClockLifEngine(options(11, false));
    const parallel = new ParallelClockLifEngine(options(11, false), 2);
    try {
      const expected = new SpikeRecorder();
      const observed = new SpikeRecorder();
      const probe = (): StepProbe => ({ variable: 'V', neurons: Int32Array.from([5, 400]), everySteps: 1, endStep: Infinity, values: new Float64Array(2 * 3), filled: 0 });
      let longest = 0;
      for (const steps of [3, 120_000, 3, 1001]) {
        const [wanted, seen] = [probe(), probe()];
        reference.advanceProbed(3, expected, [wanted]);
        parallel.advanceProbed(3, observed, [seen]);
        expect(Array.from(seen.values)).toEqual(Array.from(wanted.values));
        const before = expected.length;
        reference.advance(steps, expected);
        parallel.advance(steps, observed);
        longest = Math.max(longest, expected.length - before);
      }
      // the recording thread's output holds N + 65 536 spikes, so the long stretch needs several calls
      expect(longest).toBeGreaterThan(600 + 65_536);
      expectSameSpikes(observed, expected);
      expect(Array.from(parallel.variable('V'))).toEqual(Array.from(reference.variable('V')));
    } finally {
      await parallel.dispose();
    }
  });

  it.each([
    ['rows in descending order (each partition gets its own CSR)', 600, false],
    ['70 000 neurons, whose halves fit 16-bit targets (each partition gets its own CSR)', 70_000, true],
  ])('matches the single-thread engine on a network with %s', async (_, size, wide) => {
    const base = options(13, false);
    let csr = base.csr;
    if (wide) {
      // a sparse ring of 40 targets per neuron spread over all 70 000, sorted, so that both 16-bit halves are used
      const offsets = Int32Array.from({ length: size + 1 }, (__, i) => 40 * i);
      const targets = new Int32Array(40 * size);
      for (let pre = 0; pre < size; pre++) for (let j = 0; j < 40; j++) targets[40 * pre + j] = (pre + 1 + j * 1747) % size;
      for (let pre = 0; pre < size; pre++) targets.subarray(40 * pre, 40 * pre + 40).sort();
      csr = { size, offsets, targets, sortedRows: true };
    } else {
      const targets = Int32Array.from(csr.targets);
      for (let pre = 0; pre < size; pre++) targets.subarray(csr.offsets[pre], csr.offsets[pre + 1]).reverse();
      csr = { size, offsets: csr.offsets, targets };
    }
    const v0 = wide ? Float64Array.from({ length: size }, (__, i) => base.threshold * ((i * 0.6180339887) % 1)) : base.v0;
    const reference = new ClockLifEngine({ ...base, csr, v0 });
    const parallel = new ParallelClockLifEngine({ ...base, csr, v0 }, 2);
    try {
      expect(parallel.usesWasm).toBe(true);
      const expected = new SpikeRecorder();
      const observed = new SpikeRecorder();
      reference.advance(600, expected);
      parallel.advance(600, observed);
      expect(expected.length).toBeGreaterThan(100);
      expectSameSpikes(observed, expected);
      expect(Array.from(parallel.variable('V'))).toEqual(Array.from(reference.variable('V')));
    } finally {
      await parallel.dispose();
    }
  });
});
