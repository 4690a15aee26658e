import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { from, lastValueFrom } from 'rxjs';
import { SpikeflowError, populationAutocorrelation, type Frame, type StateFrame } from '../../src/index.js';

/** Samples of `width` channels at times t0 + s·dt, cut into frames of the given sizes. */
function frames(values: Float64Array, width: number, dt: number, sizes: number[], variable = 'h'): Frame[] {
  const samples = values.length / width;
  const out: Frame[] = [];
  let start = 0;
  for (let k = 0; start < samples; k++) {
    const count = Math.min(samples - start, sizes[k % sizes.length]);
    const frame: StateFrame = {
      kind: 'state',
      variable,
      t0: start * dt,
      t1: (start + count) * dt,
      times: Float64Array.from({ length: count }, (_, s) => (start + s) * dt),
      neurons: Int32Array.from({ length: width }, (_, i) => i),
      values: values.slice(start * width, (start + count) * width),
    };
    out.push({ kind: 'spikes', t0: frame.t0, t1: frame.t1, size: width, neuron: new Int32Array(0), t: new Float64Array(0) }, frame);
    start += count;
  }
  return out;
}

describe('populationAutocorrelation', () => {
  it('is bit-identical for every chunking and ignores other variables and spike frames', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 60 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }), async (width, samples, sizes) => {
        const values = Float64Array.from({ length: width * samples }, (_, k) => Math.sin(0.37 * k) + 0.1 * Math.cos(1.7 * k * k));
        const whole = await lastValueFrom(from(frames(values, width, 0.25, [samples])).pipe(populationAutocorrelation('h', { maxLag: 2 })));
        const noise = frames(values.map((v) => -v), width, 0.25, [samples], 'other');
        const chunked = await lastValueFrom(from([...noise, ...frames(values, width, 0.25, sizes)]).pipe(populationAutocorrelation('h', { maxLag: 2 })));
        expect(chunked).toEqual(whole);
        expect(Array.from(whole.lags)).toEqual(Array.from({ length: 9 }, (_, k) => k * 0.25));
        expect(whole.samples).toBe(samples);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('gives Δ(τ) = e^(−|τ|/τc) for independent unit-variance AR(1) channels', async () => {
    const width = 200;
    const samples = 3000;
    const dt = 0.1;
    const rho = Math.exp(-dt);
    let state = 12345;
    const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const values = new Float64Array(width * samples);
    for (let i = 0; i < width; i++) values[i] = normal();
    for (let s = 1; s < samples; s++) for (let i = 0; i < width; i++) values[s * width + i] = rho * values[(s - 1) * width + i] + Math.sqrt(1 - rho * rho) * normal();
    const result = await lastValueFrom(from(frames(values, width, dt, [128])).pipe(populationAutocorrelation('h', { maxLag: 3, from: 10 * dt })));
    expect(result.samples).toBe(samples - 10);
    for (let lag = 0; lag < result.lags.length; lag++) expect(result.values[lag]).toBeCloseTo(Math.exp(-result.lags[lag]), 1);
  });

  it('errors on non-uniform sampling and emits an empty result without samples', async () => {
    const frame: StateFrame = { kind: 'state', variable: 'h', t0: 0, t1: 1, times: Float64Array.of(0, 0.1, 0.3), neurons: Int32Array.of(0), values: Float64Array.of(1, 2, 3) };
    await expect(lastValueFrom(from([frame]).pipe(populationAutocorrelation('h', { maxLag: 1 })))).rejects.toThrow(SpikeflowError);
    const empty = await lastValueFrom(from([] as Frame[]).pipe(populationAutocorrelation('h', { maxLag: 1 })));
    expect(empty.values.length).toBe(0);
    expect(() => populationAutocorrelation('h', { maxLag: -1 })).toThrow(/maxLag/);
  });
});
