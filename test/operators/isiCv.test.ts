import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { Subject, from, lastValueFrom, toArray } from 'rxjs';
import { SpikeflowError, fromSpikeArrays, isiCv, meanOf, type Frame } from '../../src/index.js';
import { chunkedSpikeTrainArbitrary, wholeFrames, type SpikeTrain, spikeFrame } from '../helpers/spikeTrains.js';

/** Two-pass CV with the population std (ddof = 0), from per-neuron ISI arrays. */
function naiveCv(train: SpikeTrain, minSpikes: number): number[] {
  const times: number[][] = Array.from({ length: train.size }, () => []);
  for (let i = 0; i < train.t.length; i++) times[train.neuron[i]].push(train.t[i]);
  return times.map((spikes) => {
    if (spikes.length < minSpikes) return NaN;
    const isi = spikes.slice(1).map((s, k) => s - spikes[k]);
    const mean = isi.reduce((a, b) => a + b, 0) / isi.length;
    const variance = isi.reduce((a, b) => a + (b - mean) ** 2, 0) / isi.length;
    return Math.sqrt(variance) / mean;
  });
}

describe('isiCv', () => {
  it('gives bit-identical CVs for every chunking, matching a two-pass reference', async () => {
    await fc.assert(
      fc.asyncProperty(chunkedSpikeTrainArbitrary(), fc.integer({ min: 2, max: 5 }), async ({ train, frames }, minSpikes) => {
        const chunked = await lastValueFrom(from(frames).pipe(isiCv({ minSpikes })));
        const whole = await lastValueFrom(from(wholeFrames(train)).pipe(isiCv({ minSpikes })));
        expect(Array.from(chunked)).toEqual(Array.from(whole));
        const reference = naiveCv(train, minSpikes);
        for (let i = 0; i < train.size; i++) {
          if (Number.isNaN(reference[i])) expect(chunked[i]).toBeNaN();
          else expect(Math.abs(chunked[i] - reference[i])).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(reference[i])));
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('emits exactly once, on completion', async () => {
    const emissions = await lastValueFrom(from([spikeFrame(0, 1, [0], [0.5]), spikeFrame(1, 2, [], [])]).pipe(isiCv(), toArray()));
    expect(emissions).toHaveLength(1);
  });

  it('gives NaN for neurons with fewer than 3 spikes by default', async () => {
    const frames = [spikeFrame(0, 1, [0, 1, 0], [0.1, 0.2, 0.3]), spikeFrame(1, 2, [0], [1.5])];
    const cv = await lastValueFrom(from(frames).pipe(isiCv()));
    expect(cv[0]).toBeCloseTo(Math.abs(0.2 - 1.2) / 2 / 0.7, 12); // ISIs 0.2 and 1.2
    expect(cv[1]).toBeNaN();
  });

  it('gives CV 0 for a regular train', async () => {
    const t = Array.from({ length: 300 }, (_, k) => 0.002 + k * 0.0125);
    const cv = await lastValueFrom(fromSpikeArrays({ neuron: new Int32Array(300), t, size: 1, t1: 4, chunk: 0.1 }).pipe(isiCv()));
    expect(cv[0]).toBeLessThan(1e-9);
  });

  it('gives CV ≈ 1 for long trains with exponential ISIs', async () => {
    const random = seedrandom('isiCv/poisson');
    const size = 8;
    const duration = 400;
    const spikes: [number, number][] = [];
    for (let n = 0; n < size; n++) {
      for (let s = -Math.log(1 - random()) / 10; s < duration; s += -Math.log(1 - random()) / 10) spikes.push([s, n]);
    }
    spikes.sort((a, b) => a[0] - b[0]);
    const cv = await lastValueFrom(
      fromSpikeArrays({ neuron: spikes.map((s) => s[1]), t: spikes.map((s) => s[0]), size, t1: duration, chunk: 1 }).pipe(isiCv()),
    );
    for (const value of cv) expect(Math.abs(value - 1)).toBeLessThan(0.06);
    expect(Math.abs(meanOf(cv) - 1)).toBeLessThan(0.03);
  });

  it('ignores state frames', async () => {
    const state: Frame = { kind: 'state', variable: 'v', t0: 0, t1: 1, times: Float64Array.of(0), neurons: Int32Array.of(0), values: Float64Array.of(9) };
    const frames = [spikeFrame(0, 1, [0, 0, 0], [0, 0.25, 0.5]), state];
    expect((await lastValueFrom(from(frames).pipe(isiCv())))[0]).toBe(0);
  });

  it('rejects minSpikes below 2 and errors when the population size changes', async () => {
    expect(() => isiCv({ minSpikes: 1 })).toThrow(/minSpikes: expected an integer ≥ 2, got 1/);
    await expect(lastValueFrom(from([spikeFrame(0, 1, [], []), spikeFrame(1, 2, [], [], 5)]).pipe(isiCv()))).rejects.toThrow(SpikeflowError);
  });

  it('emits nothing and unsubscribes from the source when torn down', () => {
    const source = new Subject<Frame>();
    const seen: Float64Array[] = [];
    const subscription = source.pipe(isiCv()).subscribe((cv) => seen.push(cv));
    source.next(spikeFrame(0, 1, [0, 0, 0], [0.1, 0.2, 0.4]));
    subscription.unsubscribe();
    expect(source.observed).toBe(false);
    source.complete();
    expect(seen).toHaveLength(0);
  });
});
