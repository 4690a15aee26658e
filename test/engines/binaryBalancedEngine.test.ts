import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BinaryBalancedEngine,
  SpikeRecorder,
  binaryBalance,
  binaryBalancedConfig,
  binaryBalancedParams,
  binaryMeanFieldOf,
  parseParams,
  runFrames,
  type BinaryBalancedConfig,
} from '../../src/index.js';

const configOf = (raw: Record<string, unknown>): BinaryBalancedConfig => binaryBalancedConfig(parseParams(binaryBalancedParams, raw));

interface Run {
  neuron: number[];
  t: number[];
  sigma: number[];
}

async function run(engine: BinaryBalancedEngine, duration: number, chunk: number): Promise<Run> {
  const out: Run = { neuron: [], t: [], sigma: [] };
  for await (const frame of runFrames(engine, { duration, chunk, record: [{ variable: 'sigma', neurons: 'all', every: 0.002 }] })) {
    if (frame.kind === 'spikes') {
      out.neuron.push(...frame.neuron);
      out.t.push(...frame.t);
    } else out.sigma.push(...frame.values);
  }
  return out;
}

/** u_i recomputed from σ and the connectivity, the way the model defines it. */
function recomputedInput(engine: BinaryBalancedEngine): Float64Array {
  const { config, connectivity } = engine;
  const sigma = engine.variable('sigma').slice();
  const nE = config.excitatory;
  const activeE = new Float64Array(engine.size);
  const activeI = new Float64Array(engine.size);
  const add = (csr: typeof connectivity.eToE, pre: number, counts: Float64Array, base: number) => {
    for (let k = csr.offsets[pre]; k < csr.offsets[pre + 1]; k++) counts[base + csr.targets[k]] += 1;
  };
  for (let i = 0; i < nE; i++) if (sigma[i] === 1) (add(connectivity.eToE, i, activeE, 0), add(connectivity.eToI, i, activeE, nE));
  for (let j = 0; j < config.inhibitory; j++) if (sigma[nE + j] === 1) (add(connectivity.iToE, j, activeI, 0), add(connectivity.iToI, j, activeI, nE));
  const root = Math.sqrt(config.K);
  return Float64Array.from({ length: engine.size }, (_, i) =>
    i < nE
      ? (activeE[i] - config.JE * activeI[i]) / root + root * config.externalE * config.m0 - config.thetaE
      : (activeE[i] - config.JI * activeI[i]) / root + root * config.externalI * config.m0 - config.thetaI,
  );
}

describe('BinaryBalancedEngine', () => {
  it('gives the same transitions and states for every chunking, and again for the same seed', async () => {
    const config = configOf({ NE: '60', NI: '20', K: '10', m0: '0.6' });
    const reference = await run(new BinaryBalancedEngine({ config, dt: 1e-4, seed: 7 }), 0.1, 0.1);
    expect(reference.neuron.length).toBeGreaterThan(50);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 400 }), async (chunkSteps) => {
        expect(await run(new BinaryBalancedEngine({ config, dt: 1e-4, seed: 7 }), 0.1, chunkSteps * 1e-4)).toEqual(reference);
      }),
      { seed: 42, numRuns: 12 },
    );
    const other = await run(new BinaryBalancedEngine({ config, dt: 1e-4, seed: 8 }), 0.1, 0.1);
    expect(other.neuron).not.toEqual(reference.neuron);
  });

  it('keeps every input equal to its definition from σ and the couplings, and spikes at 0 → 1 transitions', () => {
    const config = configOf({ NE: '80', NI: '40', K: '20', m0: '0.25' });
    const engine = new BinaryBalancedEngine({ config, dt: 1e-3, seed: 2 });
    let previous = engine.variable('sigma').slice();
    for (let k = 0; k < 20; k++) {
      const spikes = new SpikeRecorder();
      engine.advance(5, spikes);
      const expected = recomputedInput(engine);
      const input = engine.variable('input');
      for (let i = 0; i < engine.size; i++) expect(input[i]).toBeCloseTo(expected[i], 12);
      const excitatory = engine.variable('excitatory').slice();
      const inhibitory = engine.variable('inhibitory').slice();
      for (let i = 0; i < engine.size; i++) {
        const theta = i < config.excitatory ? config.thetaE : config.thetaI;
        expect(excitatory[i] + inhibitory[i] - theta).toBeCloseTo(expected[i], 12);
        expect(inhibitory[i]).toBeLessThanOrEqual(0);
      }
      const sigma = engine.variable('sigma').slice();
      const upward = new Set<number>();
      for (let i = 0; i < engine.size; i++) if (previous[i] === 0 && sigma[i] === 1) upward.add(i);
      // a unit that went up and stayed up spiked; spike times lie in this chunk
      for (const i of upward) expect(Array.from(spikes.neuron.view())).toContain(i);
      for (const step of spikes.step.view()) expect(step).toBeGreaterThanOrEqual(k * 5);
      previous = sigma;
    }
  });

  it('updates each population at its Poisson rate N_k/τ_k', () => {
    const config = configOf({ NE: '200', NI: '100', K: '20', m0: '0.2' });
    const engine = new BinaryBalancedEngine({ config, dt: 1e-3, seed: 5 });
    engine.advance(1000, new SpikeRecorder());
    const expected = 1 * (200 / config.tauE + 100 / config.tauI);
    expect(Math.abs(engine.updateCount - expected)).toBeLessThan(5 * Math.sqrt(expected));
    expect(config.tauI).toBeCloseTo(0.9 * config.tauE, 15);
  });

  it('settles near the mean-field activities, within the finite-K offset of the balance solution, at moderate K', async () => {
    const config = configOf({ NE: '2000', NI: '2000', K: '200', m0: '0.2' });
    const engine = new BinaryBalancedEngine({ config, dt: 1e-3, seed: 11 });
    let sumE = 0;
    let sumI = 0;
    let samples = 0;
    for await (const frame of runFrames(engine, { duration: 0.25, chunk: 0.05, record: [{ variable: 'sigma', neurons: 'all', every: 0.002 }] })) {
      if (frame.kind !== 'state') continue;
      for (let s = 0; s < frame.times.length; s++) {
        if (frame.times[s] < 0.05) continue;
        let e = 0;
        let i = 0;
        for (let k = 0; k < 2000; k++) e += frame.values[s * 4000 + k];
        for (let k = 2000; k < 4000; k++) i += frame.values[s * 4000 + k];
        sumE += e / 2000;
        sumI += i / 2000;
        samples++;
      }
    }
    const mE = sumE / samples;
    const mI = sumI / samples;
    const meanField = binaryMeanFieldOf(config);
    const balance = binaryBalance(config);
    expect(Math.abs(mE - meanField.mE)).toBeLessThan(0.015);
    expect(Math.abs(mI - meanField.mI)).toBeLessThan(0.015);
    expect(Math.abs(mE - balance.mE)).toBeLessThan(0.1);
    expect(Math.abs(mI - balance.mI)).toBeLessThan(0.1);
  });

  it('continues exactly after saveState and restoreState', () => {
    const config = configOf({ NE: '50', NI: '25', K: '10', m0: '0.3' });
    const straight = new BinaryBalancedEngine({ config, dt: 1e-3, seed: 4 });
    const straightSpikes = new SpikeRecorder();
    straight.advance(40, straightSpikes);
    straight.advance(60, straightSpikes);
    const first = new BinaryBalancedEngine({ config, dt: 1e-3, seed: 4 });
    first.advance(40, new SpikeRecorder());
    const resumed = new BinaryBalancedEngine({ config, dt: 1e-3, seed: 4, initialActivity: [0, 0] });
    resumed.restoreState(first.saveState());
    const tail = new SpikeRecorder();
    resumed.advance(60, tail);
    expect(Array.from(resumed.variable('sigma'))).toEqual(Array.from(straight.variable('sigma')));
    expect(Array.from(tail.neuron.view())).toEqual(Array.from(straightSpikes.neuron.view()).slice(straightSpikes.length - tail.length));
    expect(resumed.updateCount).toBe(straight.updateCount);
  });

  it('refuses K above a population size', () => {
    expect(() => configOf({ NE: '30', NI: '10', K: '20' })).toThrow(/K: expected at most NI = 10/);
  });
});
