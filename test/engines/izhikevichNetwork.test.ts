import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  IZHIKEVICH_DT,
  RandomStreams,
  SpikeRecorder,
  createIzhikevichNetwork,
  izhikevichConfig,
  izhikevichParams,
  izhikevichWeights,
  parseParams,
  type IzhikevichNetworkEngine,
} from '../../src/index.js';

function network(raw: Record<string, unknown>, seed = 0): IzhikevichNetworkEngine {
  return createIzhikevichNetwork(izhikevichConfig(parseParams(izhikevichParams, raw)), { seed });
}

/** One noiseless, unconnected neuron of a named type under a constant input. */
function singleNeuron(type: string, input: number): IzhikevichNetworkEngine {
  return network({ NE: '1', NI: '0', types: `${type},LTS`, 'hetero-towards': `${type},LTS`, 'noise-e': '0', 'w-e': '0', 'drive-e': String(input) });
}

function spikeSteps(engine: IzhikevichNetworkEngine, steps: number): number[] {
  const recorder = new SpikeRecorder();
  engine.advance(steps, recorder);
  return Array.from(recorder.step.view());
}

function run(engine: IzhikevichNetworkEngine, chunks: number[]): { neuron: number[]; step: number[] } {
  const recorder = new SpikeRecorder();
  for (const steps of chunks) engine.advance(steps, recorder);
  return { neuron: Array.from(recorder.neuron.view()), step: Array.from(recorder.step.view()) };
}

describe('IzhikevichNetworkEngine', () => {
  it('steps 1 ms and exposes v, u and I', () => {
    const engine = network({ NE: '4', NI: '1' });
    expect(engine.dt).toBe(IZHIKEVICH_DT);
    expect(engine.dt).toBe(0.001);
    expect(engine.variables).toEqual(['v', 'u', 'I']);
    expect(Array.from(engine.variable('v'))).toEqual([-65, -65, -65, -65, -65]);
    expect(engine.variable('u')[0]).toBeCloseTo(0.2 * -65, 12);
    expect(() => engine.variable('V')).toThrow(/record: expected a variable of the Izhikevich network: v, u, I, got "V"/);
  });

  it('follows the documented update order: two v half-steps, one u step, then threshold and reset', () => {
    const engine = singleNeuron('RS', 10);
    let v = -65;
    let u = 0.2 * -65;
    for (let step = 0; step < 300; step++) {
      const spiked = spikeSteps(engine, 1).length > 0;
      v += 0.5 * (0.04 * v * v + 5 * v + 140 - u + 10);
      v += 0.5 * (0.04 * v * v + 5 * v + 140 - u + 10);
      u += 0.02 * (0.2 * v - u);
      expect(spiked).toBe(v >= 30);
      if (v >= 30) {
        v = -65;
        u += 8;
      }
      expect(engine.variable('v')[0]).toBe(v);
      expect(engine.variable('u')[0]).toBe(u);
      expect(engine.variable('I')[0]).toBe(10);
    }
  });

  it('fires a single RS neuron tonically at 15–30 Hz under I = 10, with spike-frequency adaptation', () => {
    const steps = spikeSteps(singleNeuron('RS', 10), 3000);
    const late = steps.filter((s) => s >= 1000);
    expect(late.length / 2).toBeGreaterThanOrEqual(15);
    expect(late.length / 2).toBeLessThanOrEqual(30);
    const isi = late.slice(1).map((s, k) => s - late[k]);
    const mean = isi.reduce((a, b) => a + b, 0) / isi.length;
    // regular, up to the jitter of detecting the peak on a 1 ms grid (the overshoot above 30 mV varies the u kick)
    const sd = Math.sqrt(isi.reduce((a, b) => a + (b - mean) ** 2, 0) / isi.length);
    expect(sd / mean).toBeLessThan(0.15);
    // adaptation: the first interval is shorter than the steady one
    expect(steps[1] - steps[0]).toBeLessThan(mean);
  });

  it('fires FS faster than RS at the same input, and stays silent below rheobase', () => {
    for (const input of [5, 10, 15]) {
      const rs = spikeSteps(singleNeuron('RS', input), 2000).filter((s) => s >= 1000).length;
      const fs = spikeSteps(singleNeuron('FS', input), 2000).filter((s) => s >= 1000).length;
      expect(fs).toBeGreaterThan(2 * rs);
    }
    expect(spikeSteps(singleNeuron('RS', 3), 2000)).toEqual([]);
  });

  it('adds the weight row of a spiking neuron to every input in the next step only', () => {
    const raw = { NE: '3', NI: '1', 'noise-e': '0', 'noise-i': '0' };
    const engine = network(raw);
    engine.variable('v')[1] = 40; // above the peak already: with zero input it spikes in the first step
    expect(run(engine, [1])).toEqual({ neuron: [1], step: [0] });
    expect(Array.from(engine.variable('I'))).toEqual([0, 0, 0, 0]);
    run(engine, [1]);
    const weights = izhikevichWeights(izhikevichConfig(parseParams(izhikevichParams, raw)), new RandomStreams(0));
    expect(Array.from(engine.variable('I'))).toEqual(Array.from(weights.subarray(4, 8)));
    run(engine, [1]);
    expect(Array.from(engine.variable('I'))).toEqual([0, 0, 0, 0]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = run(network({ NE: '80', NI: '20' }, 4), [300]);
    const b = run(network({ NE: '80', NI: '20' }, 4), [300]);
    const c = run(network({ NE: '80', NI: '20' }, 5), [300]);
    expect(a.neuron.length).toBeGreaterThan(50);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('gives identical spikes and state for every split of the run into chunks', () => {
    const whole = network({ NE: '40', NI: '10' }, 2);
    const reference = run(whole, [400]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 12 }), (chunks) => {
        const used = chunks.reduce((s, c) => s + c, 0);
        if (used > 400) return;
        const engine = network({ NE: '40', NI: '10' }, 2);
        expect(run(engine, [...chunks, 400 - used])).toEqual(reference);
        for (const name of ['v', 'u', 'I']) expect(Array.from(engine.variable(name))).toEqual(Array.from(whole.variable(name)));
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it('continues bit for bit from a saved state, including spikes in flight and the noise generator', () => {
    const reference = network({ NE: '40', NI: '10' }, 9);
    const first = run(reference, [137]);
    const state = reference.saveState();
    const rest = run(reference, [263]);
    const resumed = network({ NE: '40', NI: '10' }, 9);
    resumed.restoreState(state);
    expect(resumed.step).toBe(137);
    expect(run(resumed, [263])).toEqual(rest);
    expect(first.neuron.length).toBeGreaterThan(0);
  });
});
