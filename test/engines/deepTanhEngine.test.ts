import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DeepTanhEngine, SpikeRecorder, lengthMap, runFrames } from '../../src/index.js';

function inputs(width: number, replicas: number, seed: number): Float64Array {
  let state = seed >>> 0 || 1;
  return Float64Array.from({ length: width * replicas }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return 2 * (state / 2 ** 32) - 1;
  });
}

async function layers(engine: DeepTanhEngine, depth: number, chunk: number): Promise<number[]> {
  const out: number[] = [];
  for await (const frame of runFrames(engine, { duration: depth, chunk, record: [{ variable: 'h', neurons: 'all', every: 1 }] })) {
    if (frame.kind === 'state') out.push(...frame.values);
  }
  return out;
}

describe('DeepTanhEngine', () => {
  it('gives identical layers for every chunking and for the same seed', async () => {
    const h0 = inputs(12, 2, 3);
    const reference = await layers(new DeepTanhEngine({ width: 12, replicas: 2, sigmaW: 1.5, sigmaB: 0.2, h0, seed: 1 }), 9, 9);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 9 }), async (chunk) => {
        expect(await layers(new DeepTanhEngine({ width: 12, replicas: 2, sigmaW: 1.5, sigmaB: 0.2, h0, seed: 1 }), 9, chunk)).toEqual(reference);
      }),
      { seed: 42, numRuns: 9 },
    );
  });

  it('applies one weight draw to every replica: identical inputs stay identical, and one layer is W·tanh(h) + b', () => {
    const width = 6;
    const single = inputs(width, 1, 5);
    const engine = new DeepTanhEngine({ width, replicas: 3, sigmaW: 2, sigmaB: 0.5, h0: Float64Array.from([...single, ...single, ...single]), seed: 2 });
    engine.advance(4, new SpikeRecorder());
    const h = engine.variable('h');
    for (let i = 0; i < width; i++) {
      expect(h[width + i]).toBe(h[i]);
      expect(h[2 * width + i]).toBe(h[i]);
    }
    // with σ_w = 0 a layer is the bias alone, whatever the input
    const biasOnly = new DeepTanhEngine({ width, replicas: 2, sigmaW: 0, sigmaB: 1, h0: inputs(width, 2, 9), seed: 3 });
    biasOnly.advance(1, new SpikeRecorder());
    const b = biasOnly.variable('h');
    for (let i = 0; i < width; i++) expect(b[width + i]).toBe(b[i]);
  });

  it('follows the length map for a wide layer', () => {
    const width = 2000;
    const q0 = 0.8;
    const h0 = inputs(width, 1, 7).map((v) => v * Math.sqrt(3 * q0));
    const engine = new DeepTanhEngine({ width, replicas: 1, sigmaW: 1.8, sigmaB: 0.3, h0, seed: 4 });
    engine.advance(1, new SpikeRecorder());
    const measured = engine.variable('h').reduce((a, v) => a + v * v, 0) / width;
    // inputs uniform on [−√(3q0), √(3q0)] are not Gaussian: compare with the empirical σ_w²·⟨tanh²⟩ + σ_b²
    const expected = (1.8 ** 2 * h0.reduce((a, v) => a + Math.tanh(v) ** 2, 0)) / width + 0.09;
    expect(Math.abs(measured - expected) / expected).toBeLessThan(0.1);
    expect(lengthMap(q0, 1.8, 0.3)).toBeGreaterThan(0);
  });

  it('continues exactly after saveState and restoreState', () => {
    const h0 = inputs(8, 2, 1);
    const straight = new DeepTanhEngine({ width: 8, replicas: 2, sigmaW: 1.2, sigmaB: 0.1, h0, seed: 6 });
    straight.advance(7, new SpikeRecorder());
    const first = new DeepTanhEngine({ width: 8, replicas: 2, sigmaW: 1.2, sigmaB: 0.1, h0, seed: 6 });
    first.advance(3, new SpikeRecorder());
    const resumed = new DeepTanhEngine({ width: 8, replicas: 2, sigmaW: 1.2, sigmaB: 0.1, h0: new Float64Array(16), seed: 6 });
    resumed.restoreState(first.saveState());
    resumed.advance(4, new SpikeRecorder());
    expect(Array.from(resumed.variable('h'))).toEqual(Array.from(straight.variable('h')));
    expect(() => new DeepTanhEngine({ width: 8, replicas: 2, sigmaW: 1, sigmaB: 0, h0: new Float64Array(3), seed: 0 })).toThrow(/h0: expected width × replicas = 16/);
  });
});
