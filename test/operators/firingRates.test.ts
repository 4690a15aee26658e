import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Subject, from, lastValueFrom, toArray } from 'rxjs';
import { SpikeflowError, firingRates, fromSpikeArrays, type Frame } from '../../src/index.js';
import { chunkedSpikeTrainArbitrary, wholeFrames, type SpikeTrain, spikeFrame } from '../helpers/spikeTrains.js';

function naiveRates(train: SpikeTrain): number[] {
  const counts = new Array<number>(train.size).fill(0);
  for (const n of train.neuron) counts[n]++;
  return counts.map((c) => c / (train.t1 - train.t0));
}

describe('firingRates', () => {
  it('gives bit-identical rates for every chunking, equal to count / duration', async () => {
    await fc.assert(
      fc.asyncProperty(chunkedSpikeTrainArbitrary(), async ({ train, frames }) => {
        const chunked = await lastValueFrom(from(frames).pipe(firingRates()));
        const whole = await lastValueFrom(from(wholeFrames(train)).pipe(firingRates()));
        expect(Array.from(chunked)).toEqual(Array.from(whole));
        expect(Array.from(chunked)).toEqual(naiveRates(train));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('emits once on completion by default', async () => {
    await fc.assert(
      fc.asyncProperty(chunkedSpikeTrainArbitrary(), async ({ frames }) => {
        const emissions = await lastValueFrom(from(frames).pipe(firingRates(), toArray()));
        expect(emissions).toHaveLength(1);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it("emits a running estimate per spike frame with emit: 'frame', ending on the final rates", async () => {
    await fc.assert(
      fc.asyncProperty(chunkedSpikeTrainArbitrary(), async ({ train, frames }) => {
        const emissions = await lastValueFrom(from(frames).pipe(firingRates({ emit: 'frame' }), toArray()));
        expect(emissions).toHaveLength(frames.filter((f) => f.kind === 'spikes').length);
        expect(Array.from(emissions[emissions.length - 1])).toEqual(naiveRates(train));
        expect(new Set(emissions).size).toBe(emissions.length); // fresh arrays, safe to keep
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('gives 1/P for a regular train of period P', async () => {
    const period = 0.025;
    const t = Array.from({ length: 400 }, (_, k) => 0.001 + k * period);
    const rates = await lastValueFrom(
      fromSpikeArrays({ neuron: new Int32Array(400), t, size: 1, t1: 400 * period, chunk: 0.3 }).pipe(firingRates()),
    );
    expect(rates[0]).toBeCloseTo(1 / period, 9);
  });

  it('sums the spans of non-contiguous frames', async () => {
    const frames = [spikeFrame(0, 1, [0], [0.5]), spikeFrame(2, 3, [0, 1], [2.1, 2.2])];
    expect(Array.from(await lastValueFrom(from(frames).pipe(firingRates())))).toEqual([1, 0.5]);
  });

  it('emits an empty array when no spike frame arrives, in both emit modes', async () => {
    expect(await lastValueFrom(from([] as Frame[]).pipe(firingRates(), toArray()))).toEqual([new Float64Array(0)]);
    expect(await lastValueFrom(from([] as Frame[]).pipe(firingRates({ emit: 'frame' }), toArray()))).toEqual([new Float64Array(0)]);
  });

  it('errors when the population size changes mid-stream', async () => {
    const frames = [spikeFrame(0, 1, [], []), spikeFrame(1, 2, [], [], 3)];
    await expect(lastValueFrom(from(frames).pipe(firingRates()))).rejects.toThrow(SpikeflowError);
  });

  it('rejects an unknown emit option', () => {
    expect(() => firingRates({ emit: 'often' as 'frame' })).toThrow(/expected "complete" or "frame", got "often"/);
  });

  it('stops emitting and unsubscribes from the source when torn down', () => {
    const source = new Subject<Frame>();
    const seen: Float64Array[] = [];
    const subscription = source.pipe(firingRates({ emit: 'frame' })).subscribe((rates) => seen.push(rates));
    source.next(spikeFrame(0, 1, [0], [0.5]));
    expect(seen).toHaveLength(1);
    subscription.unsubscribe();
    expect(source.observed).toBe(false);
    source.next(spikeFrame(1, 2, [1], [1.5]));
    source.complete();
    expect(seen).toHaveLength(1);
  });
});
