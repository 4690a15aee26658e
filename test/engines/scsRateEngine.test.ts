import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RandomStreams, ScsRateEngine, SpikeRecorder, gaussianCoupling, runFrames, scsLyapunovExponents } from '../../src/index.js';

function network(n: number, g: number, seed: number, k: number) {
  const streams = new RandomStreams(seed);
  return {
    coupling: gaussianCoupling(n, g, streams.stream('connectivity')),
    h0: streams.stream('init').fillNormal(new Float64Array(n)),
    tangents0: streams.stream('tangent').fillNormal(new Float64Array(n * k)),
  };
}

async function runChunked(engine: ScsRateEngine, duration: number, chunk: number): Promise<number[]> {
  const samples: number[] = [];
  for await (const frame of runFrames(engine, { duration, chunk, record: [{ variable: 'h', neurons: [0, 3, 7], every: 0.5 }] })) {
    if (frame.kind === 'state') samples.push(...frame.values);
  }
  return samples;
}

describe('ScsRateEngine', () => {
  it('gives bit-identical states and exponents for every chunking', async () => {
    const { coupling, h0, tangents0 } = network(12, 2, 3, 2);
    const build = () => new ScsRateEngine({ coupling, n: 12, dt: 0.1, h0, tangents0, renormEvery: 3 });
    const reference = build();
    const referenceSamples = await runChunked(reference, 10, 10);
    reference.startAveraging();
    await runChunked(reference, 20, 20);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 37 }), async (chunkSteps) => {
        const engine = build();
        expect(await runChunked(engine, 10, chunkSteps * 0.1)).toEqual(referenceSamples);
        engine.startAveraging();
        await runChunked(engine, 20, chunkSteps * 0.1);
        expect(Array.from(engine.exponents())).toEqual(Array.from(reference.exponents()));
        expect(Array.from(engine.variable('h'))).toEqual(Array.from(reference.variable('h')));
      }),
      { seed: 42, numRuns: 15 },
    );
  });

  it('reproduces scsLyapunovExponents over the same transient, steps and renormalisations', () => {
    const n = 16;
    const k = 3;
    const { coupling, h0, tangents0 } = network(n, 2.5, 9, k);
    const engine = new ScsRateEngine({ coupling, n, dt: 0.05, h0, tangents0, renormEvery: 4 });
    engine.advance(30, new SpikeRecorder());
    engine.startAveraging();
    engine.advance(201, new SpikeRecorder());
    const kernel = scsLyapunovExponents({ coupling, n, state: Float64Array.from(h0), tangents: Float64Array.from(tangents0), k, dt: 0.05, transientSteps: 30, steps: 201, renormEvery: 4 });
    expect(Array.from(engine.exponents())).toEqual(Array.from(kernel));
  });

  it('gives N exponents summing to −N when J_ii = 0 (the trace of the Jacobian is −N)', () => {
    const n = 8;
    const { coupling, h0, tangents0 } = network(n, 3, 1, n);
    const engine = new ScsRateEngine({ coupling, n, dt: 0.05, h0, tangents0, renormEvery: 2 });
    engine.advance(200, new SpikeRecorder());
    engine.startAveraging();
    engine.advance(2000, new SpikeRecorder());
    const sum = engine.exponents().reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(-n, 4);
  });

  it('decays to h = 0 below g = 1, with λ_max = the leading real part of −1 + J', () => {
    const n = 40;
    const { coupling, h0, tangents0 } = network(n, 0.5, 2, 1);
    const engine = new ScsRateEngine({ coupling, n, dt: 0.1, h0, tangents0 });
    engine.advance(600, new SpikeRecorder());
    engine.startAveraging();
    engine.advance(1000, new SpikeRecorder());
    const lambda = engine.exponents()[0];
    for (const h of engine.variable('h')) expect(Math.abs(h)).toBeLessThan(1e-10);
    // the spectrum of J lies in a disc of radius ≈ g: λ_max = −1 + Re μ_max ∈ (−1, −1 + 1.3·g)
    expect(lambda).toBeGreaterThan(-1);
    expect(lambda).toBeLessThan(-1 + 1.3 * 0.5);
  });

  it('exposes tanh(h) as rate and continues exactly after saveState/restoreState', () => {
    const n = 10;
    const { coupling, h0, tangents0 } = network(n, 2, 4, 2);
    const straight = new ScsRateEngine({ coupling, n, dt: 0.1, h0, tangents0 });
    straight.advance(50, new SpikeRecorder());
    straight.startAveraging();
    straight.advance(75, new SpikeRecorder());
    const resumed = new ScsRateEngine({ coupling, n, dt: 0.1, h0, tangents0 });
    resumed.advance(50, new SpikeRecorder());
    resumed.startAveraging();
    resumed.advance(33, new SpikeRecorder());
    const restored = new ScsRateEngine({ coupling, n, dt: 0.1, h0: new Float64Array(n), tangents0: new Float64Array(2 * n).fill(1) });
    restored.restoreState(resumed.saveState());
    restored.advance(42, new SpikeRecorder());
    expect(Array.from(restored.exponents())).toEqual(Array.from(straight.exponents()));
    const h = straight.variable('h');
    const rate = straight.variable('rate');
    for (let i = 0; i < n; i++) expect(rate[i]).toBe(Math.tanh(h[i]));
    expect(() => straight.variable('V')).toThrow(/record: expected a variable of the SCS rate network/);
    expect(() => new ScsRateEngine({ coupling, n, dt: 0.1, h0 }).startAveraging()).toThrow(/exponents/);
  });
});
