import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClockLifEngine, SpikeRecorder, type Csr } from '../../src/index.js';

function csrOf(size: number, edges: [number, number][]): Csr {
  const offsets = new Int32Array(size + 1);
  const sorted = [...edges].sort((a, b) => a[0] - b[0]);
  for (const [pre] of sorted) offsets[pre + 1]++;
  for (let i = 0; i < size; i++) offsets[i + 1] += offsets[i];
  return { size, offsets, targets: Int32Array.from(sorted.map((e) => e[1])) };
}

describe('ClockLifEngine', () => {
  it('integrates an unconnected neuron by forward Euler and spikes on the first step at or above threshold', () => {
    const dt = 1e-4, tauM = 0.01, drive = 1.5;
    const engine = new ClockLifEngine({ csr: csrOf(1, []), v0: new Float64Array([0.2]), dt, tauM, drive, threshold: 1, reset: 0, weight: 0 });
    const spikes = new SpikeRecorder();
    let v = 0.2;
    let firstSpike = -1;
    for (let n = 0; n < 400 && firstSpike < 0; n++) {
      v = v + (dt / tauM) * (drive - v);
      if (v >= 1) firstSpike = n;
    }
    engine.advance(400, spikes);
    expect(spikes.step.view()[0]).toBe(firstSpike);
    expect(spikes.neuron.view()[0]).toBe(0);
  });

  it('updates, tests the threshold, delivers within the step, then resets', () => {
    // neurons 0 and 1 cross together and inhibit each other and neuron 2
    const csr = csrOf(3, [[0, 1], [1, 0], [0, 2], [1, 2]]);
    const dt = 1e-4, tauM = 0.01, drive = 2, weight = -0.3;
    const engine = new ClockLifEngine({ csr, v0: new Float64Array([0.995, 0.999, 0.5]), dt, tauM, drive, threshold: 1, reset: 0, weight });
    const spikes = new SpikeRecorder();
    engine.advance(1, spikes);
    expect(Array.from(spikes.neuron.view())).toEqual([0, 1]);
    const V = engine.variable('V');
    // delivery cannot stop a spike already detected, and the reset overrides delivered pulses
    expect(V[0]).toBe(0);
    expect(V[1]).toBe(0);
    const updated = 0.5 + (dt / tauM) * (drive - 0.5);
    expect(V[2]).toBe(updated + weight + weight);
  });

  it('saves and restores its state so that a restored run continues identically', () => {
    const csr = csrOf(4, [[0, 1], [1, 2], [2, 3], [3, 0]]);
    const make = () => new ClockLifEngine({ csr, v0: new Float64Array([0.1, 0.5, 0.9, 0.3]), dt: 1e-4, tauM: 0.01, drive: 1.2, threshold: 1, reset: 0, weight: -0.05 });
    const reference = make();
    const all = new SpikeRecorder();
    reference.advance(2000, all);
    const first = make();
    first.advance(700, new SpikeRecorder());
    const saved = first.saveState();
    const second = make();
    second.restoreState(saved);
    const rest = new SpikeRecorder();
    second.advance(1300, rest);
    const tail = Array.from(all.step.view()).filter((s) => s >= 700);
    expect(Array.from(rest.step.view())).toEqual(tail);
  });

  it('runs the same steps in WebAssembly and in JavaScript, bit for bit, for every target width and weight kind', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 41 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: -0.4, max: 0.1, noNaN: true })), { maxLength: 200 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (size, raw, weighted, wide, seed) => {
          const edges = raw.map(([pre, post, w]) => [pre % size, post % size, w] as const).sort((a, b) => a[0] - b[0]);
          const offsets = new Int32Array(size + 1);
          for (const [pre] of edges) offsets[pre + 1]++;
          for (let i = 0; i < size; i++) offsets[i + 1] += offsets[i];
          const targets = wide ? Int32Array.from(edges, (e) => e[1]) : Uint16Array.from(edges, (e) => e[1]);
          const csr: Csr = { size, offsets, targets, weights: weighted ? Float64Array.from(edges, (e) => e[2]) : undefined };
          let state = seed;
          const v0 = Float64Array.from({ length: size }, () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31));
          const options = { csr, v0, dt: 1e-4, tauM: 0.01, drive: 1.3, threshold: 1, reset: 0, weight: -0.07 };
          const wasm = new ClockLifEngine(options);
          const js = new ClockLifEngine({ ...options, wasm: false });
          expect(wasm.usesWasm).toBe(true);
          expect(js.usesWasm).toBe(false);
          const a = new SpikeRecorder();
          const b = new SpikeRecorder();
          wasm.advance(3000, a);
          js.advance(3000, b);
          expect(a.length).toBeGreaterThan(0);
          expect(Array.from(a.neuron.view())).toEqual(Array.from(b.neuron.view()));
          expect(Array.from(a.step.view())).toEqual(Array.from(b.step.view()));
          expect(Array.from(wasm.variable('V'))).toEqual(Array.from(js.variable('V')));
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});
