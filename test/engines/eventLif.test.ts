import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ClockLifEngine,
  EventLifEngine,
  RandomStreams,
  SpikeRecorder,
  balancedLifConfig,
  createBalancedLifEngine,
  erdosRenyi,
  type Csr,
  type Engine,
  type EventLifOptions,
} from '../../src/index.js';
import { referenceLifRun } from '../helpers/exactLifReference.js';

function csrOf(size: number, edges: [number, number, number?][]): Csr {
  const offsets = new Int32Array(size + 1);
  const sorted = [...edges].sort((a, b) => a[0] - b[0]);
  for (const [pre] of sorted) offsets[pre + 1]++;
  for (let i = 0; i < size; i++) offsets[i + 1] += offsets[i];
  const targets = Int32Array.from(sorted.map((e) => e[1]));
  if (sorted.some((e) => e[2] !== undefined)) return { size, offsets, targets, weights: Float64Array.from(sorted.map((e) => e[2] ?? 0)) };
  return { size, offsets, targets };
}

interface Spikes {
  neuron: number[];
  t: number[];
}

/** Runs `steps` steps in the given chunk sizes and returns spike neurons and times in seconds. */
function run(engine: Engine, chunks: number[]): Spikes {
  const recorder = new SpikeRecorder();
  for (const steps of chunks) engine.advance(steps, recorder);
  return { neuron: Array.from(recorder.neuron.view()), t: Array.from(recorder.step.view(), (s) => s * engine.dt) };
}

const tauM = 0.01;

/** A small random inhibitory (or mixed-sign) network with the options of both engines. */
function randomNetwork(seed: number, size: number, p: number, mixed: boolean): EventLifOptions {
  const streams = new RandomStreams(seed);
  const base = erdosRenyi(size, p, streams.stream('connectivity'));
  const weightStream = streams.stream('weights');
  const csr: Csr = mixed ? { ...base, weights: Float64Array.from(base.targets, () => 0.6 * weightStream.uniform() - 0.4) } : base;
  return {
    csr,
    v0: streams.stream('init').fillUniform(new Float64Array(size), 0, 1),
    dt: 1e-4,
    tauM,
    drive: 1.2 + streams.stream('drive').uniform(),
    threshold: 1,
    reset: 0,
    weight: -0.05 - 0.3 * streams.stream('weight').uniform(),
  };
}

describe('EventLifEngine', () => {
  it('fires an unconnected neuron exactly at the analytic free period, for any dt and across renormalisations', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.05, max: 5, noNaN: true }),
        fc.double({ min: -1, max: 0.99, noNaN: true }),
        fc.double({ min: 0.005, max: 0.03, noNaN: true }),
        fc.constantFrom(1e-4, 1e-5, 3.7e-4),
        (drive, v0, tau, dt) => {
          const engine = new EventLifEngine({ csr: csrOf(1, []), v0: new Float64Array([v0]), dt, tauM: tau, drive, threshold: 1, reset: 0, weight: 0 });
          const duration = 3; // ≥ 100 τ: several renormalisations of the rescaled state
          const spikes = run(engine, [Math.round(duration / dt)]);
          const first = tau * Math.log((drive - v0) / (drive - 1));
          const period = tau * Math.log(drive / (drive - 1));
          const expected = Math.floor((duration - first) / period) + 1;
          expect(Math.abs(spikes.t.length - expected)).toBeLessThanOrEqual(1);
          spikes.t.forEach((t, k) => expect(Math.abs(t - (first + k * period))).toBeLessThan(1e-12));
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  it('reports the exact potential at grid times between spikes', () => {
    const drive = 1.4, v0 = 0.3, dt = 1e-4;
    const engine = new EventLifEngine({ csr: csrOf(1, []), v0: new Float64Array([v0]), dt, tauM, drive, threshold: 1, reset: 0.1, weight: 0 });
    const first = tauM * Math.log((drive - v0) / (drive - 1)); // 10.1 ms; the second spike comes at 21.9 ms
    for (let step = 0; step < 210; step += 7) {
      const t = step * dt;
      const spiked = t > first;
      const expected = spiked ? drive - (drive - 0.1) * Math.exp(-(t - first) / tauM) : drive - (drive - v0) * Math.exp(-t / tauM);
      expect(engine.variable('V')[0]).toBeCloseTo(expected, 12);
      engine.advance(7, new SpikeRecorder());
    }
    expect(() => engine.variable('w')).toThrow(/variable of this model/);
  });

  it('samples single neurons exactly as the full potential array reports them', () => {
    const engine = new EventLifEngine(randomNetwork(4, 80, 0.1, false));
    const neurons = Int32Array.from([0, 17, 79]);
    for (const steps of [1, 13, 250]) {
      engine.advance(steps, new SpikeRecorder());
      const sampled = new Float64Array(5);
      engine.sample('V', neurons, sampled, 2);
      const all = engine.variable('V');
      expect(Array.from(sampled.subarray(2))).toEqual(Array.from(neurons, (i) => all[i]));
      engine.sample('V', neurons, sampled, 0);
      expect(Array.from(sampled.subarray(0, 3))).toEqual(Array.from(neurons, (i) => all[i]));
    }
  });

  it('matches a hand-computed exchange of inhibitory pulses between two neurons', () => {
    // I = 1.5, V_T = 1, V_R = 0, w = −0.2: times in units of τ are logarithms of products of distance ratios
    const csr = csrOf(2, [[0, 1], [1, 0]]);
    const engine = new EventLifEngine({ csr, v0: new Float64Array([0.5, 0.3]), dt: 1e-4, tauM, drive: 1.5, threshold: 1, reset: 0, weight: -0.2 });
    const spikes = run(engine, [300]);
    // 0 fires at τ·ln((1.5−0.5)/0.5) = τ ln 2; then V1 = 1.5 − 1.2/2 = 0.9 → 0.7, which needs a further τ·ln(0.8/0.5)
    const r1 = 2, r2 = r1 * 1.6;
    // at τ ln 3.2, V0 (reset at τ ln 2) = 1.5 − 1.5/1.6 = 0.5625 → 0.3625, which needs τ·ln(1.1375/0.5)
    const r3 = r2 * (1.1375 / 0.5);
    // at τ ln r3, V1 (reset at τ ln r2) = 1.5 − 1.5·r2/r3 → minus 0.2
    const v1 = 1.5 - (1.5 * r2) / r3 - 0.2;
    const r4 = r3 * ((1.5 - v1) / 0.5);
    expect(spikes.neuron).toEqual([0, 1, 0, 1]);
    [r1, r2, r3, r4].forEach((r, k) => expect(spikes.t[k]).toBeCloseTo(tauM * Math.log(r), 14));
  });

  it('fires a neuron pushed over threshold by an excitatory pulse at the same instant, after the sender, ties by index', () => {
    // 0 fires at τ ln 2 and lifts V1 from 1.5 − 1.3/2 = 0.85 to 1.15; both reset together, so from then on they are
    // tied: 0 goes first by index and its pulse pushes 1 (exactly at threshold) over it at the same instant
    const csr = csrOf(2, [[0, 1]]);
    const engine = new EventLifEngine({ csr, v0: new Float64Array([0.5, 0.2]), dt: 1e-4, tauM, drive: 1.5, threshold: 1, reset: 0, weight: 0.3 });
    const spikes = run(engine, [500]);
    expect(spikes.neuron).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    const expected = [2, 2, 6, 6, 18, 18, 54, 54].map((r) => tauM * Math.log(r));
    spikes.t.forEach((t, k) => expect(t).toBeCloseTo(expected[k], 13));
  });

  it('agrees with a naive exact simulation in V on balanced and on mixed-sign networks', () => {
    for (const mixed of [false, true]) {
      const options = randomNetwork(7, 120, 0.15, mixed);
      const engine = new EventLifEngine(options);
      const duration = 0.2;
      const spikes = run(engine, [Math.round(duration / options.dt)]);
      const reference = referenceLifRun({ ...options, duration });
      expect(spikes.neuron.length).toBeGreaterThan(200);
      expect(spikes.neuron).toEqual(reference.neuron);
      spikes.t.forEach((t, k) => expect(Math.abs(t - reference.t[k])).toBeLessThan(1e-12));
    }
  });

  it('gives identical spikes for every chunking, with potential reads and save/restore in between', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 2, max: 30 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }),
        (seed, size, mixed, chunks) => {
          const options = randomNetwork(seed, size, 0.3, mixed);
          const total = chunks.reduce((a, b) => a + b, 0);
          const whole = run(new EventLifEngine(options), [total]);
          const chunked = new EventLifEngine(options);
          const recorder = new SpikeRecorder();
          let current: EventLifEngine = chunked;
          for (const steps of chunks) {
            current.variable('V');
            const restored = new EventLifEngine(options);
            restored.restoreState(current.saveState());
            current = restored;
            current.advance(steps, recorder);
          }
          expect(Array.from(recorder.neuron.view())).toEqual(whole.neuron);
          expect(Array.from(recorder.step.view(), (s) => s * options.dt)).toEqual(whole.t);
        },
      ),
      { seed: 42, numRuns: 80 },
    );
  });

  it('delivers uniform inhibitory pulses in WebAssembly bit for bit as its JavaScript loop does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2, max: 80 }), (seed, size) => {
        const options = randomNetwork(seed, size, 0.3, false);
        const wasm = new EventLifEngine(options);
        const plain = new EventLifEngine({ ...options, wasm: false });
        expect(run(wasm, [900])).toEqual(run(plain, [900]));
        expect(wasm.saveState()).toEqual(plain.saveState());
      }),
      { seed: 9, numRuns: 60 },
    );
  });

  it('does not depend on dt: spike times are off the grid', () => {
    const options = randomNetwork(3, 60, 0.2, false);
    const coarse = run(new EventLifEngine({ ...options, dt: 1e-3 }), [200]);
    const fine = run(new EventLifEngine({ ...options, dt: 1e-5 }), [20000]);
    expect(fine.neuron).toEqual(coarse.neuron);
    fine.t.forEach((t, k) => expect(Math.abs(t - coarse.t[k])).toBeLessThan(1e-15));
  });

  it('is deterministic for one seed and network', () => {
    const config = balancedLifConfig({ N: 300, K: 30, rate: 10, J0: 1, 'tau-m': 0.01, 'v-threshold': 1, 'v-reset': 0, rheobase: 1, connectivity: 'erdos-renyi' });
    const a = run(createBalancedLifEngine(config, { dt: 1e-4, seed: 5, engine: 'event' }), [1000]);
    const b = run(createBalancedLifEngine(config, { dt: 1e-4, seed: 5, engine: 'event' }), [1000]);
    expect(a.neuron.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  });

  it('restores a state whose potentials were edited, or saved by the clock engine, from those potentials', () => {
    const options = randomNetwork(11, 40, 0.2, false);
    const engine = new EventLifEngine(options);
    engine.advance(300, new SpikeRecorder());
    const state = engine.saveState();
    const V = Float64Array.from(state.arrays.V as Float64Array);
    V[3] -= 0.01;
    const perturbed = new EventLifEngine(options);
    perturbed.restoreState({ ...state, arrays: { ...state.arrays, V } });
    const fresh = new EventLifEngine({ ...options, v0: V });
    const tail = run(perturbed, [500]);
    const expected = run(fresh, [500]);
    expect(tail.neuron).toEqual(expected.neuron);
    tail.t.forEach((t, k) => expect(t - 300 * options.dt).toBeCloseTo(expected.t[k], 12));

    const clock = new ClockLifEngine(options);
    clock.advance(300, new SpikeRecorder());
    const fromClock = new EventLifEngine(options);
    fromClock.restoreState(clock.saveState());
    expect(fromClock.step).toBe(300);
    expect(Array.from(fromClock.variable('V'))).toEqual(Array.from(clock.variable('V')).map((v) => expect.closeTo(v, 12)));
  });

  it('is built by createBalancedLifEngine with engine: event and fires near the clock engine rate', () => {
    const config = balancedLifConfig({ N: 1000, K: 100, rate: 10, J0: 1, 'tau-m': 0.01, 'v-threshold': 1, 'v-reset': 0, rheobase: 1, connectivity: 'erdos-renyi' });
    const event = createBalancedLifEngine(config, { dt: 1e-4, seed: 1, engine: 'event' });
    const clock = createBalancedLifEngine(config, { dt: 1e-4, seed: 1, engine: 'clock', threads: 1 });
    expect(event).toBeInstanceOf(EventLifEngine);
    const e = new SpikeRecorder(), c = new SpikeRecorder();
    event.advance(5000, e);
    clock.advance(5000, c);
    expect(e.length / c.length).toBeGreaterThan(0.97);
    expect(e.length / c.length).toBeLessThan(1.03);
  });
});
