import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Subject, from, lastValueFrom, toArray } from 'rxjs';
import { SpikeflowError, fromSpikeArrays, synchrony, type Frame, type GolombChi } from '../../src/index.js';
import { chunkedSpikeTrainArbitrary, wholeFrames, spikeFrame } from '../helpers/spikeTrains.js';
import { poissonPopulation, synchronousPopulation } from '../helpers/poissonTrains.js';
import type { SpikeTrain } from '../helpers/spikeTrains.js';

const chiOf = (train: SpikeTrain, binWidth: number, chunk = 0.25) =>
  lastValueFrom(fromSpikeArrays({ neuron: train.neuron, t: train.t, size: train.size, t1: train.t1, chunk }).pipe(synchrony({ binWidth })));

describe('synchrony', () => {
  it('gives a bit-identical χ for every chunking of the same spike train', async () => {
    await fc.assert(
      fc.asyncProperty(
        chunkedSpikeTrainArbitrary().chain((chunked) => fc.tuple(fc.constant(chunked), fc.double({ min: 0.01, max: 0.4, noNaN: true }).map((f) => (chunked.train.t1 - chunked.train.t0) * f))),
        async ([{ train, frames }, binWidth]) => {
          const chunked = await lastValueFrom(from(frames).pipe(synchrony({ binWidth })));
          const whole = await lastValueFrom(from(wholeFrames(train)).pipe(synchrony({ binWidth })));
          expect(chunked).toEqual(whole);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('is 1 for a fully synchronous population', async () => {
    const { chi } = await chiOf(synchronousPopulation(40, 8, 20, 'synchrony/sync'), 0.002);
    expect(chi).toBeCloseTo(1, 12);
  });

  it('is about 1/√N for independent Poisson neurons', async () => {
    const size = 200;
    const { chi, bins } = await chiOf(poissonPopulation({ size, rate: 15, duration: 30, seed: 'synchrony/poisson' }), 0.005);
    expect(bins).toBe(6000);
    expect(chi * Math.sqrt(size)).toBeGreaterThan(0.9);
    expect(chi * Math.sqrt(size)).toBeLessThan(1.1);
  });

  it('emits once on completion, NaN without spikes, and ignores state frames', async () => {
    const state: Frame = { kind: 'state', variable: 'v', t0: 0, t1: 1, times: Float64Array.of(0), neurons: Int32Array.of(0), values: Float64Array.of(1) };
    const emissions = await lastValueFrom(from([spikeFrame(0, 1, [], []), state, spikeFrame(1, 2, [], [])]).pipe(synchrony({ binWidth: 0.1 }), toArray()));
    expect(emissions).toHaveLength(1);
    expect(emissions[0].chi).toBeNaN();
    expect(emissions[0].bins).toBe(20);
  });

  it('rejects a bad bin width and errors on gaps or a changed population size', async () => {
    expect(() => synchrony({ binWidth: 0 })).toThrow(/binWidth: expected a positive finite duration in seconds, got 0/);
    await expect(lastValueFrom(from([spikeFrame(0, 1, [], []), spikeFrame(1.5, 2, [], [])]).pipe(synchrony({ binWidth: 0.1 })))).rejects.toThrow(/contiguous frames/);
    await expect(lastValueFrom(from([spikeFrame(0, 1, [], []), spikeFrame(1, 2, [], [], 3)]).pipe(synchrony({ binWidth: 0.1 })))).rejects.toThrow(SpikeflowError);
  });

  it('unsubscribes from the source and emits nothing when torn down', () => {
    const source = new Subject<Frame>();
    const seen: GolombChi[] = [];
    const subscription = source.pipe(synchrony({ binWidth: 0.1 })).subscribe((value) => seen.push(value));
    source.next(spikeFrame(0, 1, [0, 1], [0.1, 0.1]));
    subscription.unsubscribe();
    expect(source.observed).toBe(false);
    source.complete();
    expect(seen).toHaveLength(0);
  });
});
