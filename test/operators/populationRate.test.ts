import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Subject, from, lastValueFrom, toArray } from 'rxjs';
import { SpikeflowError, binnedPopulationRate, fromSpikeArrays, populationRate, type BinnedRate, type Frame } from '../../src/index.js';
import { chunkedSpikeTrainArbitrary, wholeFrames, type SpikeTrain, spikeFrame } from '../helpers/spikeTrains.js';

async function concatenated(frames: readonly Frame[], binWidth: number): Promise<{ t: number[]; rate: number[] }> {
  const emissions = await lastValueFrom(from(frames).pipe(populationRate({ binWidth }), toArray()));
  return { t: emissions.flatMap((e) => Array.from(e.t)), rate: emissions.flatMap((e) => Array.from(e.rate)) };
}

/** Bins wholly inside [t0, t1), counted spike by spike. */
function naivePopulationRate(train: SpikeTrain, binWidth: number): { t: number[]; rate: number[] } {
  const bin = (time: number) => Math.floor(time / binWidth + 1e-9);
  const first = Math.ceil(train.t0 / binWidth - 1e-9) + 0; // no -0
  const end = bin(train.t1);
  const counts = new Map<number, number>();
  for (const s of train.t) counts.set(bin(s), (counts.get(bin(s)) ?? 0) + 1);
  const t: number[] = [];
  const rate: number[] = [];
  for (let k = first; k < end; k++) {
    t.push(k * binWidth);
    rate.push((counts.get(k) ?? 0) / (binWidth * train.size));
  }
  return { t, rate };
}

const binWidthFor = (train: SpikeTrain) =>
  fc.oneof(
    fc.double({ min: 0.02, max: 1.5, noNaN: true }).map((fraction) => (train.t1 - train.t0) * fraction),
    fc.constantFrom(0.001, 0.005, 0.01, 0.1, 0.25),
  );

describe('populationRate', () => {
  it('emits the same bins for every chunking, matching a spike-by-spike reference', async () => {
    await fc.assert(
      fc.asyncProperty(
        chunkedSpikeTrainArbitrary().chain((chunked) => fc.tuple(fc.constant(chunked), binWidthFor(chunked.train))),
        async ([{ train, frames }, binWidth]) => {
          const chunked = await concatenated(frames, binWidth);
          const whole = await concatenated(wholeFrames(train), binWidth);
          expect(chunked).toEqual(whole);
          expect(chunked).toEqual(naivePopulationRate(train, binWidth));
          const offline = binnedPopulationRate(train.t, { size: train.size, binWidth, t0: train.t0, t1: train.t1 });
          expect(chunked).toEqual({ t: Array.from(offline.t), rate: Array.from(offline.rate) });
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('emits each bin as soon as a frame reaches its end, and only non-empty batches', async () => {
    const frames = [spikeFrame(0, 0.15, [0, 1], [0.05, 0.12]), spikeFrame(0.15, 0.18, [0], [0.16]), spikeFrame(0.18, 0.4, [1], [0.39])];
    const emissions = await lastValueFrom(from(frames).pipe(populationRate({ binWidth: 0.1 }), toArray()));
    expect(emissions.map((e) => Array.from(e.t))).toEqual([[0], [0.1, 0.2, 0.30000000000000004]]);
    expect(emissions.map((e) => Array.from(e.rate, (r) => Math.round(r)))).toEqual([[5], [10, 0, 5]]);
  });

  it('drops a leading bin the recording only partly covers and the trailing open bin', async () => {
    const frames = [spikeFrame(0.05, 0.2, [0, 0], [0.06, 0.15]), spikeFrame(0.2, 0.27, [1], [0.25])];
    const emissions = await lastValueFrom(from(frames).pipe(populationRate({ binWidth: 0.1 }), toArray()));
    expect(emissions).toHaveLength(1);
    expect(Array.from(emissions[0].t)).toEqual([0.1]);
    expect(emissions[0].rate[0]).toBeCloseTo(5, 12);
  });

  it('gives the rate of a regular population in every bin', async () => {
    // 10 neurons, each firing every 10 ms at staggered phases: 100 Hz per neuron.
    const neuron: number[] = [];
    const t: number[] = [];
    for (let k = 0; k < 200; k++) for (let n = 0; n < 10; n++) { neuron.push(n); t.push(k * 0.01 + n * 0.001); }
    const emissions = await lastValueFrom(fromSpikeArrays({ neuron, t, size: 10, t1: 2, chunk: 0.037 }).pipe(populationRate({ binWidth: 0.02 }), toArray()));
    const rates = emissions.flatMap((e) => Array.from(e.rate));
    expect(rates).toHaveLength(100);
    for (const r of rates) expect(r).toBeCloseTo(100, 9);
  });

  it('rejects a non-positive bin width and errors on gaps or a changed population size', async () => {
    expect(() => populationRate({ binWidth: -1 })).toThrow(/binWidth: expected a positive finite duration in seconds, got -1/);
    const gap = [spikeFrame(0, 1, [], []), spikeFrame(1.5, 2, [], [])];
    await expect(lastValueFrom(from(gap).pipe(populationRate({ binWidth: 0.1 }), toArray()))).rejects.toThrow(/contiguous frames/);
    const resized = [spikeFrame(0, 1, [], []), spikeFrame(1, 2, [], [], 4)];
    await expect(lastValueFrom(from(resized).pipe(populationRate({ binWidth: 0.1 }), toArray()))).rejects.toThrow(SpikeflowError);
  });

  it('stops emitting and unsubscribes from the source when torn down', () => {
    const source = new Subject<Frame>();
    const seen: BinnedRate[] = [];
    const subscription = source.pipe(populationRate({ binWidth: 0.1 })).subscribe((bins) => seen.push(bins));
    source.next(spikeFrame(0, 0.25, [0], [0.05]));
    expect(seen).toHaveLength(1);
    subscription.unsubscribe();
    expect(source.observed).toBe(false);
    source.next(spikeFrame(0.25, 1, [1], [0.5]));
    source.complete();
    expect(seen).toHaveLength(1);
  });
});
