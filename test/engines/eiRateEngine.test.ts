import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EiRateEngine,
  SpikeRecorder,
  createRk4Scratch,
  eiFixedPoints,
  eiRateConfig,
  eiRateField,
  eiRateParams,
  parseParams,
  rk4Step,
  runFrames,
  type EiRateParams,
} from '../../src/index.js';

const wilsonCowan = (): EiRateParams => eiRateConfig(parseParams(eiRateParams, {}));

/** v sampled every step through the run loop, with the given chunk size. */
async function sampled(engine: EiRateEngine, duration: number, chunk: number): Promise<number[]> {
  const values: number[] = [];
  for await (const frame of runFrames(engine, { duration, chunk, record: [{ variable: 'v', neurons: 'all', every: engine.dt }] })) {
    if (frame.kind === 'state') values.push(...frame.values);
  }
  return values;
}

describe('EiRateEngine', () => {
  it('is classical RK4 on the E–I field, step by step', () => {
    const p = wilsonCowan();
    const dt = 1e-5;
    const engine = new EiRateEngine({ params: p, dt, initial: [0.3, 0.2] });
    const state = Float64Array.of(0.3, 0.2);
    const scratch = createRk4Scratch(2);
    const field = (_t: number, s: Float64Array, out: Float64Array) => eiRateField(p, s[0], s[1], out);
    for (let k = 0; k < 50; k++) {
      engine.advance(1, new SpikeRecorder());
      rk4Step(field, state, k * dt, dt, scratch);
      expect(engine.variable('v')[0]).toBe(state[0]);
      expect(engine.variable('v')[1]).toBe(state[1]);
    }
    expect(engine.step).toBe(50);
  });

  it('gives bit-identical samples for every chunking and for repeated runs', async () => {
    const p = wilsonCowan();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), async (chunkSteps) => {
        const dt = 2e-5;
        const reference = await sampled(new EiRateEngine({ params: p, dt, initial: [0.5, 0.1] }), 200 * dt, 200 * dt);
        const chunked = await sampled(new EiRateEngine({ params: p, dt, initial: [0.5, 0.1] }), 200 * dt, chunkSteps * dt);
        expect(chunked).toEqual(reference);
      }),
      { seed: 42, numRuns: 20 },
    );
  });

  it('settles on a stable fixed point of the kernels', () => {
    const p = wilsonCowan();
    const engine = new EiRateEngine({ params: p, dt: 1e-5, initial: [0.9, 0.6] });
    engine.advance(20000, new SpikeRecorder());
    const [vE, vI] = engine.variable('v');
    const nearest = eiFixedPoints(p).points.reduce((best, q) => (Math.hypot(q.vE - vE, q.vI - vI) < Math.hypot(best.vE - vE, best.vI - vI) ? q : best));
    expect(vE).toBeCloseTo(nearest.vE, 8);
    expect(vI).toBeCloseTo(nearest.vI, 8);
  });

  it('continues bit for bit after saveState and restoreState', () => {
    const p = wilsonCowan();
    const straight = new EiRateEngine({ params: p, dt: 1e-5, initial: [0.2, 0.4] });
    straight.advance(300, new SpikeRecorder());
    const resumed = new EiRateEngine({ params: p, dt: 1e-5, initial: [0.2, 0.4] });
    resumed.advance(120, new SpikeRecorder());
    const saved = resumed.saveState();
    const other = new EiRateEngine({ params: p, dt: 1e-5, initial: [0, 0] });
    other.restoreState(saved);
    other.advance(180, new SpikeRecorder());
    expect(Array.from(other.variable('v'))).toEqual(Array.from(straight.variable('v')));
    expect(other.step).toBe(300);
  });

  it('rejects unknown variables and bad steps', () => {
    const p = wilsonCowan();
    expect(() => new EiRateEngine({ params: p, dt: 0, initial: [0, 0] })).toThrow(/dt: expected a positive finite step/);
    expect(() => new EiRateEngine({ params: p, dt: 1e-5, initial: [0, 0] }).variable('V')).toThrow(/record: expected a variable of the E–I rate model/);
  });
});
