import { describe, it, expect } from 'vitest';
import { applyPhaseShift, balancedLifConfig, balancedLifParams, createBalancedLifEngine, lifPhaseMap, parseParams, type Engine } from '../../src/index.js';
import { distanceTrace, pairFrames, recordTrajectory, runPair, sampleGrid } from '../../pipelines/pairRun.js';

const config = balancedLifConfig(parseParams(balancedLifParams, { N: 200, K: 20, rheobase: 1 }));
const drive = 1 + Math.sqrt(20) * 10 * 0.01;
const phase = lifPhaseMap({ tauM: config.tauM, drive, threshold: 1, reset: 0 });
const base = createBalancedLifEngine(config, { dt: 1e-4, seed: 1, threads: 1 });
const start = Float64Array.from(base.variable('V'));
const engine = (v0: Float64Array): Engine => createBalancedLifEngine(config, { dt: 1e-4, seed: 1, network: base.csr, v0, threads: 1 });
const shifted = (eps: number) => {
  const shift = Float64Array.from({ length: 200 }, (_, i) => (i % 2 ? eps : -eps) / Math.sqrt(200));
  const out = new Float64Array(200);
  applyPhaseShift(phase, start, shift, out);
  return out;
};

describe('pairFrames / runPair', () => {
  it('samples t = 0 … T on the grid, and an unperturbed copy stays at distance 0', async () => {
    const trace = await distanceTrace(runPair(engine(start), engine(start), { duration: 0.02, every: 0.001, phase }));
    expect(trace.times.length).toBe(21);
    expect(trace.times[20]).toBeCloseTo(0.02, 12);
    expect(Array.from(trace.l2).every((d) => d === 0)).toBe(true);
  });

  it('starts at the perturbation size ε for a phase shift of norm ε', async () => {
    const trace = await distanceTrace(runPair(engine(start), engine(shifted(1e-6)), { duration: 0.001, phase }));
    expect(trace.l2[0]).toBeCloseTo(1e-6, 15);
  });

  it('gives the same distances against a recorded reference as against a live one, whatever the frame size', async () => {
    const options = { duration: 0.05, every: 0.0005, phase };
    const live = await distanceTrace(runPair(engine(start), engine(shifted(1e-3)), options));
    const recorded = recordTrajectory(engine(start), options);
    const replayed = await distanceTrace(runPair(recorded, engine(shifted(1e-3)), { ...options, maxValuesPerFrame: 700 }));
    expect(Array.from(replayed.l2)).toEqual(Array.from(live.l2));
    expect(Array.from(replayed.meanAbs)).toEqual(Array.from(live.meanAbs));
  });

  it('holds at most maxValuesPerFrame values per trajectory in a frame', async () => {
    let frames = 0;
    for await (const frame of pairFrames(engine(start), engine(start), { duration: 0.01, maxValuesPerFrame: 1000 })) {
      expect(frame.perturbed.length).toBeLessThanOrEqual(1000);
      frames++;
    }
    expect(frames).toBe(Math.ceil(101 / 5));
  });

  it('refuses a sample interval that does not divide T', () => {
    expect(() => sampleGrid(1e-4, { duration: 0.01, every: 0.003 })).toThrow(/every/);
  });
});
