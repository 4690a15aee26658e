import { describe, it, expect } from 'vitest';
import {
  SpikeRecorder,
  SpikingNetworkEngine,
  lifSpikeTimes,
  type LifPopulationSpec,
  type SpikingNetworkSpec,
} from '../../src/index.js';

const dt = 1e-4;

/** The course neuron: C_m 0.4 nF, g_L 20 nS (τ_m 20 ms), E_L −70 mV, I 0.44 nA, threshold −50 mV, reset −90 mV. */
function courseNeuron(extra: Partial<LifPopulationSpec> = {}): LifPopulationSpec {
  return {
    kind: 'lif',
    name: 'neuron',
    size: 1,
    tauM: 0.02,
    capacitance: 0.4e-9,
    rest: -0.07,
    threshold: -0.05,
    reset: -0.09,
    current: 0.44e-9,
    method: 'exact',
    v0: -0.07,
    ...extra,
  };
}

function run(spec: SpikingNetworkSpec, steps: number): { engine: SpikingNetworkEngine; neuron: Int32Array; step: Float64Array } {
  const engine = new SpikingNetworkEngine(spec);
  const spikes = new SpikeRecorder();
  engine.advance(steps, spikes);
  return { engine, neuron: spikes.neuron.finish(), step: spikes.step.finish() };
}

/** V of neuron `index` after every step. */
function voltageTrace(engine: SpikingNetworkEngine, index: number, steps: number): Float64Array {
  const trace = new Float64Array(steps);
  const spikes = new SpikeRecorder();
  for (let s = 0; s < steps; s++) {
    engine.advance(1, spikes);
    trace[s] = engine.variable('V')[index];
  }
  return trace;
}

describe('SpikingNetworkEngine: single LIF neuron against theory', () => {
  it('fires at the analytic times to within one step: recorded at the start of the crossing step, period rounded up to the grid', () => {
    const duration = 0.5;
    const { step } = run({ dt, seed: 1, populations: [courseNeuron()] }, duration / dt);
    const analytic = lifSpikeTimes({ v0: -0.07, vInf: -0.07 + 0.44e-9 / 20e-9, threshold: -0.05, reset: -0.09, tauM: 0.02, duration });
    const times = Array.from(step, (s) => s * dt);
    expect(times.length).toBe(analytic.length);
    const firstLead = analytic[0] - times[0];
    expect(firstLead).toBeGreaterThan(0);
    expect(firstLead).toBeLessThan(dt);
    const period = analytic[1] - analytic[0];
    for (let k = 1; k < times.length; k++) {
      const isi = times[k] - times[k - 1];
      expect(isi).toBeGreaterThanOrEqual(period - 1e-12);
      expect(isi).toBeLessThan(period + dt);
    }
  });

  it('never fires inside the refractory period, during which V stays at the reset value', () => {
    const refractory = 0.002;
    const strong = courseNeuron({ current: 4e-9, refractory });
    const engine = new SpikingNetworkEngine({ dt, seed: 1, populations: [strong] });
    const trace = voltageTrace(engine, 0, 2000);
    const probe = new SpikingNetworkEngine({ dt, seed: 1, populations: [strong] });
    const spikes = new SpikeRecorder();
    probe.advance(2000, spikes);
    const steps = Array.from(spikes.step.view());
    expect(steps.length).toBeGreaterThan(10);
    const refractorySteps = Math.round(refractory / dt);
    for (let k = 1; k < steps.length; k++) expect(steps[k] - steps[k - 1]).toBeGreaterThanOrEqual(refractorySteps);
    for (const s of steps.slice(0, -1)) {
      for (let r = s; r < s + refractorySteps; r++) expect(trace[r]).toBe(-0.09);
      expect(trace[s + refractorySteps]).toBeGreaterThan(-0.09);
    }
  });

  it('forward Euler converges as O(dt) on a linear neuron, RK4 as O(dt⁴)', () => {
    const duration = 0.01;
    const subthreshold = courseNeuron({ threshold: 1, current: 0.3e-9 });
    const finalV = (method: 'euler' | 'rk4' | 'exact', step: number) => {
      const engine = new SpikingNetworkEngine({ dt: step, seed: 1, populations: [{ ...subthreshold, method }] });
      engine.advance(Math.round(duration / step), new SpikeRecorder());
      return engine.variable('V')[0];
    };
    const exact = -0.07 + (0.3e-9 / 20e-9) * (1 - Math.exp(-duration / 0.02));
    expect(finalV('exact', 1e-3)).toBeCloseTo(exact, 14);
    const euler = [1e-3, 5e-4, 2.5e-4].map((step) => Math.abs(finalV('euler', step) - exact));
    expect(euler[0] / euler[1]).toBeCloseTo(2, 1);
    expect(euler[1] / euler[2]).toBeCloseTo(2, 1);
    const rk4 = [2e-3, 1e-3].map((step) => Math.abs(finalV('rk4', step) - exact));
    expect(rk4[0] / rk4[1]).toBeGreaterThan(14);
    expect(rk4[0] / rk4[1]).toBeLessThan(18);
  });

  it('holds each sample of a timed current for its interval and then the last one', () => {
    const timed = { values: Float64Array.of(0, 1e-9, 0), dt: 2e-4 };
    const engine = new SpikingNetworkEngine({ dt, seed: 1, populations: [courseNeuron({ current: 0, threshold: 1, timedCurrent: timed, method: 'euler' })] });
    const trace = voltageTrace(engine, 0, 8);
    const rate = dt / 0.02;
    let v = -0.07;
    const expected = [0, 0, 1e-9, 1e-9, 0, 0, 0, 0].map((current) => (v = v + rate * (-0.07 + current / 20e-9 - v)));
    trace.forEach((value, k) => expect(value).toBeCloseTo(expected[k], 15));
  });
});

describe('SpikingNetworkEngine: Poisson sources and synapses against theory', () => {
  it('makes Poisson sources fire at their rate with a Fano factor of about 1', () => {
    const size = 500;
    const rate = 20;
    const duration = 10;
    const { neuron, step } = run({ dt, seed: 3, populations: [{ kind: 'poisson', name: 'inputs', size, rate }] }, duration / dt);
    expect(Math.abs(neuron.length / (size * duration) - rate)).toBeLessThan(4 * Math.sqrt(rate / (size * duration)));
    // counts in 100 ms windows: variance / mean of each source, averaged
    const windows = 100;
    const counts = new Float64Array(size * windows);
    for (let k = 0; k < neuron.length; k++) counts[neuron[k] * windows + Math.floor((step[k] * dt) / 0.1)]++;
    let fano = 0;
    for (let i = 0; i < size; i++) {
      let m = 0;
      let m2 = 0;
      for (let w = 0; w < windows; w++) {
        m += counts[i * windows + w];
        m2 += counts[i * windows + w] ** 2;
      }
      m /= windows;
      fano += (m2 / windows - m * m) * (windows / (windows - 1)) / m;
    }
    expect(fano / size).toBeGreaterThan(0.95);
    expect(fano / size).toBeLessThan(1.05);
  });

  it('gives a mean exponential synaptic current of rate · N · w · τ_syn', () => {
    const inputs = 2000;
    const rate = 5;
    const weight = 0.01e-9;
    const tauSyn = 0.005;
    const engine = new SpikingNetworkEngine({
      dt,
      seed: 5,
      populations: [
        { kind: 'poisson', name: 'inputs', size: inputs, rate },
        courseNeuron({ current: 0, threshold: 1, tauSyn }),
      ],
      projections: [{ pre: 'inputs', post: 'neuron', connectivity: { kind: 'probability', p: 1 }, weight }],
    });
    const spikes = new SpikeRecorder();
    engine.advance(Math.round(0.05 / dt), spikes);
    let sum = 0;
    const steps = Math.round(5 / dt);
    for (let s = 0; s < steps; s++) {
      engine.advance(1, spikes);
      sum += engine.variable('I_syn')[inputs];
    }
    const theory = rate * inputs * weight * tauSyn;
    // sampling I_syn right after each step's arrivals adds a factor (dt/τ)/(1 − e^(−dt/τ)) ≈ 1 + dt/(2τ) = 1.01
    const sampled = (theory * (dt / tauSyn)) / -Math.expm1(-dt / tauSyn);
    expect(sum / steps / sampled).toBeGreaterThan(0.97);
    expect(sum / steps / sampled).toBeLessThan(1.03);
  });

  it('delivers a spike exactly D later: the jump appears in the step n + D after a spike in step n', () => {
    const delay = 1.5e-3;
    const weight = 1e-3;
    // the driver starts above threshold, so it fires in step 0
    const kicked = new SpikingNetworkEngine({
      dt,
      seed: 1,
      populations: [
        { kind: 'lif', name: 'driver', size: 1, tauM: 1e9, threshold: 0.02, reset: 0, method: 'exact', v0: 0.03 },
        { kind: 'lif', name: 'target', size: 1, tauM: 1e9, threshold: 1, reset: 0, method: 'exact', v0: 0 },
      ],
      projections: [{ pre: 'driver', post: 'target', connectivity: { kind: 'probability', p: 1 }, weight, delay }],
    });
    const spikes = new SpikeRecorder();
    kicked.advance(1, spikes);
    expect(Array.from(spikes.step.view())).toEqual([0]);
    const D = Math.round(delay / dt);
    const trace = [kicked.variable('V')[1]];
    for (let s = 1; s <= D + 2; s++) {
      kicked.advance(1, spikes);
      trace.push(kicked.variable('V')[1]);
    }
    // after step n (index n of the trace): unchanged through step D − 1, jumped in step D
    for (let s = 0; s < D; s++) expect(trace[s]).toBe(0);
    expect(trace[D]).toBeCloseTo(weight, 12);
  });

  it('discards input that arrives at a neuron in its refractory period', () => {
    const make = (refractory: number) =>
      new SpikingNetworkEngine({
        dt,
        seed: 1,
        populations: [
          { kind: 'lif', name: 'driver', size: 1, tauM: 1e9, threshold: 0.02, reset: 0, method: 'exact', v0: 0.03 },
          { kind: 'lif', name: 'target', size: 1, tauM: 1e9, threshold: 0.02, reset: 0, refractory, method: 'exact', v0: 0.03 },
        ],
        projections: [{ pre: 'driver', post: 'target', connectivity: { kind: 'probability', p: 1 }, weight: 0.005, delay: 5e-4 }],
      });
    // both fire in step 0; the driver's pulse arrives in step 5, inside a 1 ms refractory period but after a 0.2 ms one
    const inside = make(1e-3);
    inside.advance(10, new SpikeRecorder());
    expect(inside.variable('V')[1]).toBe(0);
    const after = make(2e-4);
    after.advance(10, new SpikeRecorder());
    expect(after.variable('V')[1]).toBeCloseTo(0.005, 12);
  });

  it('adds C_ext · ν · dt · w per step on average from the external Poisson input', () => {
    for (const count of ['poisson', 'binomial'] as const) {
      const size = 2000;
      const engine = new SpikingNetworkEngine({
        dt,
        seed: 2,
        populations: [{ kind: 'lif', name: 'E', size, tauM: 1e9, threshold: 1e9, reset: 0, method: 'exact', v0: 0 }],
        external: [{ target: 'E', synapses: 1000, rate: 20, weight: 1e-4, count }],
      });
      engine.advance(100, new SpikeRecorder());
      const V = engine.variable('V');
      let mean = 0;
      for (let i = 0; i < size; i++) mean += V[i] / size;
      // 100 steps × 1000 × 20 Hz × 0.1 ms = 200 events of 0.1 mV; s.d. of the population mean √(200/2000) events
      expect(Math.abs(mean / 1e-4 - 200)).toBeLessThan(4 * Math.sqrt(200 / size));
    }
  });
});

describe('SpikingNetworkEngine: validation and state', () => {
  const base = (extra: Partial<LifPopulationSpec> = {}): SpikingNetworkSpec => ({ dt, seed: 1, populations: [courseNeuron(extra)] });

  it('refuses a delay that is not a whole number of steps', () => {
    expect(
      () =>
        new SpikingNetworkEngine({
          ...base(),
          projections: [{ pre: 'neuron', post: 'neuron', connectivity: { kind: 'probability', p: 1, autapses: true }, weight: 1e-3, delay: 1.55e-3 }],
        }),
    ).toThrow(/delay neuron->neuron: expected a multiple of dt/);
  });

  it('refuses an integration method the model does not support', () => {
    expect(() => new SpikingNetworkEngine(base({ method: 'euler-maruyama' }))).toThrow(/method: expected one of exact, euler, rk4/);
    expect(() => new SpikingNetworkEngine(base({ method: 'rk4', noise: 3e-4 }))).toThrow(/method: expected one of euler-maruyama, exact/);
  });

  it('refuses a refractory period off the step grid and currents without a capacitance', () => {
    expect(() => new SpikingNetworkEngine(base({ refractory: 2.05e-3 }))).toThrow(/refractory/);
    expect(() => new SpikingNetworkEngine(base({ capacitance: undefined }))).toThrow(/capacitance/);
  });

  it('continues a saved state identically, random streams included', () => {
    const spec: SpikingNetworkSpec = {
      dt,
      seed: 9,
      populations: [
        { kind: 'poisson', name: 'inputs', size: 200, rate: 10 },
        { ...courseNeuron({ size: 20, noise: 1e-3, method: 'euler-maruyama', refractory: 1e-3, tauSyn: 0.005 }), name: 'cells' },
      ],
      projections: [
        { pre: 'inputs', post: 'cells', connectivity: { kind: 'probability', p: 0.2 }, weight: 0.05e-9, delay: 1e-3 },
        { pre: 'cells', post: 'cells', connectivity: { kind: 'in-degree', k: 3 }, weight: -0.1e-9, delay: 2e-4 },
      ],
    };
    const reference = new SpikingNetworkEngine(spec);
    const all = new SpikeRecorder();
    reference.advance(3000, all);
    const first = new SpikingNetworkEngine(spec);
    first.advance(1234, new SpikeRecorder());
    const saved = first.saveState();
    const second = new SpikingNetworkEngine(spec);
    second.restoreState(saved);
    const rest = new SpikeRecorder();
    second.advance(3000 - 1234, rest);
    const tail = Array.from(all.step.view()).flatMap((s, k) => (s >= 1234 ? [[s, all.neuron.view()[k]]] : []));
    const resumed = Array.from(rest.step.view(), (s, k) => [s, rest.neuron.view()[k]]);
    expect(resumed).toEqual(tail);
    expect(tail.length).toBeGreaterThan(50);
  });
});

describe('SpikingNetworkEngine: threads', () => {
  it('gives bit-identical spikes and potentials on 1, 2 and 3 threads, with wasm or JavaScript propagation (workers need `npm run build`)', async () => {
    const spec = (threads: number, wasm: boolean): SpikingNetworkSpec => ({
      dt,
      seed: 21,
      threads,
      wasm,
      populations: [
        { kind: 'poisson', name: 'drive', size: 1500, rate: 40 },
        { kind: 'lif', name: 'E', size: 2000, tauM: 0.02, threshold: 0.02, reset: 0.01, refractory: 2e-3, method: 'exact', v0: 0.01 },
        { kind: 'lif', name: 'I', size: 600, tauM: 0.02, threshold: 0.02, reset: 0.01, method: 'euler-maruyama', noise: 1e-3, v0: 0.01 },
      ],
      projections: [
        { pre: 'drive', post: 'E', connectivity: { kind: 'in-degree', k: 50 }, weight: 2e-4 },
        { pre: 'drive', post: 'I', connectivity: { kind: 'in-degree', k: 50 }, weight: 2e-4 },
        { pre: 'E', post: 'E', connectivity: { kind: 'in-degree', k: 100 }, weight: 1e-4, delay: 1.5e-3 },
        { pre: 'E', post: 'I', connectivity: { kind: 'probability', p: 0.05 }, weight: 1e-4, delay: 1e-3 },
        { pre: 'I', post: 'E', connectivity: { kind: 'in-degree', k: 25 }, weight: -5e-4, delay: 1.5e-3 },
        { pre: 'I', post: 'I', connectivity: { kind: 'dense', weights: new Float64Array(600 * 600).fill(-1e-6) } },
      ],
      external: [{ target: 'E', synapses: 200, rate: 10, weight: 1e-4, count: 'binomial' }],
    });
    const results = [];
    for (const [threads, wasm] of [[1, false], [2, true], [3, true], [1, true], [2, false]] as const) {
      const engine = new SpikingNetworkEngine(spec(threads, wasm));
      expect(engine.usesWasm).toBe(wasm);
      const spikes = new SpikeRecorder();
      engine.advance(700, spikes);
      engine.advance(800, spikes);
      results.push({ threads: engine.threads, neuron: Array.from(spikes.neuron.view()), step: Array.from(spikes.step.view()), V: Float64Array.from(engine.variable('V')) });
      await engine.dispose();
    }
    expect(results.map((r) => r.threads)).toEqual([1, 2, 3, 1, 2]);
    expect(results[0].neuron.length).toBeGreaterThan(1000);
    for (const other of results.slice(1)) {
      expect(other.neuron).toEqual(results[0].neuron);
      expect(other.step).toEqual(results[0].step);
      expect(other.V).toEqual(results[0].V);
    }
  });
});
