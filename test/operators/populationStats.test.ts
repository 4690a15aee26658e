import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Subject, from, lastValueFrom } from 'rxjs';
import { SpikeflowError, firingRates, fromSpikeArrays, isiCv, meanOf, populationStats, type Frame, type PopulationStats } from '../../src/index.js';
import { chunkedSpikeTrainArbitrary, wholeFrames } from '../helpers/spikeTrains.js';
import { poissonPopulation } from '../helpers/poissonTrains.js';

const spikeFrame = (t0: number, t1: number, neuron: number[], t: number[], size = 4): Frame => ({
  kind: 'spikes',
  t0,
  t1,
  size,
  neuron: Int32Array.from(neuron),
  t: Float64Array.from(t),
});

describe('populationStats', () => {
  it('gives bit-identical statistics for every chunking, equal to averaging firingRates and isiCv', async () => {
    await fc.assert(
      fc.asyncProperty(
        chunkedSpikeTrainArbitrary().chain((chunked) =>
          fc.tuple(fc.constant(chunked), fc.integer({ min: 0, max: chunked.train.size - 1 }).chain((start) => fc.tuple(fc.constant(start), fc.integer({ min: 1, max: chunked.train.size - start })))),
        ),
        async ([{ train, frames }, [start, count]]) => {
          const populations = [
            { name: 'all', start: 0, count: train.size },
            { name: 'part', start, count },
          ];
          const chunked = await lastValueFrom(from(frames).pipe(populationStats({ populations })));
          const whole = await lastValueFrom(from(wholeFrames(train)).pipe(populationStats({ populations })));
          expect(chunked).toEqual(whole);
          const rates = await lastValueFrom(from(frames).pipe(firingRates()));
          const cvs = await lastValueFrom(from(frames).pipe(isiCv()));
          expect(chunked[1].meanRate).toBe(meanOf(rates.subarray(start, start + count)));
          expect(chunked[1].meanCv).toEqual(meanOf(cvs.subarray(start, start + count), { skipNaN: true }));
          expect(chunked[0].spikes).toBe(train.t.length);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });

  it('separates two populations of different rates, each with Poisson CV ≈ 1', async () => {
    const e = poissonPopulation({ size: 40, rate: 5, duration: 100, seed: 'stats/e' });
    const i = poissonPopulation({ size: 10, rate: 25, duration: 100, seed: 'stats/i' });
    const spikes = [...Array.from(e.t, (t, k) => [t, e.neuron[k]]), ...Array.from(i.t, (t, k) => [t, 40 + i.neuron[k]])].sort((a, b) => a[0] - b[0]);
    const [excitatory, inhibitory] = await lastValueFrom(
      fromSpikeArrays({ neuron: spikes.map((s) => s[1]), t: spikes.map((s) => s[0]), size: 50, t1: 100, chunk: 0.5 }).pipe(
        populationStats({ populations: [{ name: 'E', start: 0, count: 40 }, { name: 'I', start: 40, count: 10 }] }),
      ),
    );
    expect(excitatory).toMatchObject({ name: 'E', start: 0, count: 40, cvNeurons: 40 });
    expect(Math.abs(excitatory.meanRate / 5 - 1)).toBeLessThan(0.03);
    expect(Math.abs(inhibitory.meanRate / 25 - 1)).toBeLessThan(0.03);
    expect(Math.abs(excitatory.meanCv - 1)).toBeLessThan(0.05);
    expect(Math.abs(inhibitory.meanCv - 1)).toBeLessThan(0.05);
  });

  it('gives NaN without spike frames and rejects bad populations', async () => {
    const [stats] = await lastValueFrom(from([] as Frame[]).pipe(populationStats({ populations: [{ name: 'E', start: 0, count: 2 }] })));
    expect(stats.meanRate).toBeNaN();
    expect(() => populationStats({ populations: [] })).toThrow(/at least one population/);
    expect(() => populationStats({ populations: [{ name: 'E', start: 0, count: 0 }] })).toThrow(/population E count: expected an integer ≥ 1, got 0/);
    expect(() => populationStats({ populations: [{ name: 'E', start: 0, count: 1 }, { name: 'E', start: 1, count: 1 }] })).toThrow(/not used by another population/);
    const tooBig = populationStats({ populations: [{ name: 'E', start: 2, count: 3 }] });
    await expect(lastValueFrom(from([spikeFrame(0, 1, [], [])]).pipe(tooBig))).rejects.toThrow(/at least 5 neurons/);
    await expect(lastValueFrom(from([spikeFrame(0, 1, [], []), spikeFrame(1, 2, [], [], 5)]).pipe(populationStats({ populations: [{ name: 'E', start: 0, count: 1 }] })))).rejects.toThrow(SpikeflowError);
  });

  it('unsubscribes from the source when torn down', () => {
    const source = new Subject<Frame>();
    const seen: PopulationStats[][] = [];
    const subscription = source.pipe(populationStats({ populations: [{ name: 'E', start: 0, count: 4 }] })).subscribe((value) => seen.push(value));
    source.next(spikeFrame(0, 1, [0], [0.5]));
    subscription.unsubscribe();
    expect(source.observed).toBe(false);
    source.complete();
    expect(seen).toHaveLength(0);
  });
});
