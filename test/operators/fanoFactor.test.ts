import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Subject, from, lastValueFrom } from 'rxjs';
import { SpikeflowError, fanoFactor, fromSpikeArrays, type FanoFactorResult, type Frame } from '../../src/index.js';
import { chunkedSpikeTrainArbitrary, wholeFrames, spikeFrame } from '../helpers/spikeTrains.js';
import { poissonPopulation } from '../helpers/poissonTrains.js';

describe('fanoFactor', () => {
  it('gives bit-identical Fano factors for every chunking of the same spike train', async () => {
    await fc.assert(
      fc.asyncProperty(
        chunkedSpikeTrainArbitrary().chain((chunked) => fc.tuple(fc.constant(chunked), fc.double({ min: 0.02, max: 0.4, noNaN: true }).map((f) => (chunked.train.t1 - chunked.train.t0) * f))),
        async ([{ train, frames }, window]) => {
          const chunked = await lastValueFrom(from(frames).pipe(fanoFactor({ window })));
          const whole = await lastValueFrom(from(wholeFrames(train)).pipe(fanoFactor({ window })));
          expect(Array.from(chunked.perNeuron)).toEqual(Array.from(whole.perNeuron));
          expect({ ...chunked, perNeuron: undefined }).toEqual({ ...whole, perNeuron: undefined });
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('is about 1 for Poisson neurons', async () => {
    const train = poissonPopulation({ size: 100, rate: 20, duration: 60, seed: 'fanoFactor/poisson' });
    const result = await lastValueFrom(fromSpikeArrays({ neuron: train.neuron, t: train.t, size: 100, t1: 60, chunk: 0.3 }).pipe(fanoFactor({ window: 0.1 })));
    expect(result.windows).toBe(600);
    expect(result.neurons).toBe(100);
    expect(Math.abs(result.mean - 1)).toBeLessThan(0.03);
  });

  it('exceeds 1 when the rate is slowly modulated', async () => {
    const train = poissonPopulation({ size: 50, rate: 20, duration: 40, seed: 'fanoFactor/modulated', modulation: { frequency: 0.5, depth: 0.9 } });
    const result = await lastValueFrom(fromSpikeArrays({ neuron: train.neuron, t: train.t, size: 50, t1: 40 }).pipe(fanoFactor({ window: 0.1 })));
    expect(result.mean).toBeGreaterThan(1.5);
  });

  it('leaves silent neurons out of the mean', async () => {
    const frames = [spikeFrame(0, 1, [0, 0, 0], [0.05, 0.15, 0.16]), spikeFrame(1, 2, [], [])];
    const result = await lastValueFrom(from(frames).pipe(fanoFactor({ window: 0.1 })));
    expect(result.perNeuron[1]).toBeNaN();
    expect(result.neurons).toBe(1);
    // counts over 20 windows: 1, 2 and 18 zeros: mean 0.15, sample variance (0.85² + 1.85² … ) / 19
    const counts = [1, 2, ...new Array<number>(18).fill(0)];
    const variance = counts.reduce((a, c) => a + (c - 0.15) ** 2, 0) / 19;
    expect(result.mean).toBeCloseTo(variance / 0.15, 12);
  });

  it('rejects a bad window and errors on a changed population size', async () => {
    expect(() => fanoFactor({ window: -1 })).toThrow(/window: expected a positive finite duration in seconds, got -1/);
    await expect(lastValueFrom(from([spikeFrame(0, 1, [], []), spikeFrame(1, 2, [], [], 3)]).pipe(fanoFactor({ window: 0.1 })))).rejects.toThrow(SpikeflowError);
  });

  it('unsubscribes from the source when torn down', () => {
    const source = new Subject<Frame>();
    const seen: FanoFactorResult[] = [];
    const subscription = source.pipe(fanoFactor({ window: 0.1 })).subscribe((value) => seen.push(value));
    subscription.unsubscribe();
    expect(source.observed).toBe(false);
    source.complete();
    expect(seen).toHaveLength(0);
  });
});
