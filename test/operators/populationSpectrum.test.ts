import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Subject, from, lastValueFrom } from 'rxjs';
import {
  SpikeflowError,
  addWelchSamples,
  binnedPopulationRate,
  fromSpikeArrays,
  populationSpectrum,
  welchDensity,
  welchSpectrum,
  type Frame,
  type PopulationSpectrumResult,
} from '../../src/index.js';
import { chunkedSpikeTrainArbitrary, wholeFrames } from '../helpers/spikeTrains.js';
import { poissonPopulation } from '../helpers/poissonTrains.js';

describe('populationSpectrum', () => {
  it('gives a bit-identical spectrum for every chunking, equal to Welch of the whole binned rate', async () => {
    await fc.assert(
      fc.asyncProperty(
        chunkedSpikeTrainArbitrary().chain((chunked) =>
          fc.tuple(fc.constant(chunked), fc.integer({ min: 20, max: 200 }), fc.integer({ min: 2, max: 16 })),
        ),
        async ([{ train, frames }, binsInRecording, segmentLength]) => {
          const binWidth = (train.t1 - train.t0) / binsInRecording;
          const options = { binWidth, segment: segmentLength * binWidth };
          const chunked = await lastValueFrom(from(frames).pipe(populationSpectrum(options)));
          const whole = await lastValueFrom(from(wholeFrames(train)).pipe(populationSpectrum(options)));
          expect(chunked.segments).toBe(whole.segments);
          expect(Array.from(chunked.power)).toEqual(Array.from(whole.power));
          expect(chunked.peakFrequency).toEqual(whole.peakFrequency);
          const rate = binnedPopulationRate(train.t, { size: train.size, binWidth, t0: train.t0, t1: train.t1 }).rate;
          const reference = welchDensity(addWelchSamples(welchSpectrum({ segmentLength, sampleRate: 1 / binWidth }), rate));
          expect(Array.from(chunked.power)).toEqual(Array.from(reference.power));
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it('recovers the modulation frequency of a sinusoidally modulated Poisson population', async () => {
    for (const frequency of [10, 40]) {
      const train = poissonPopulation({ size: 200, rate: 20, duration: 20, seed: `spectrum/${frequency}`, modulation: { frequency, depth: 0.5 } });
      const result = await lastValueFrom(
        fromSpikeArrays({ neuron: train.neuron, t: train.t, size: 200, t1: 20, chunk: 0.1 }).pipe(populationSpectrum({ binWidth: 0.001, segment: 1 })),
      );
      expect(result.segmentLength).toBe(1000);
      expect(result.fftLength).toBe(1024);
      expect(result.segments).toBe(39);
      expect(Math.abs(result.peakFrequency - frequency)).toBeLessThanOrEqual(1000 / 1024);
      // the modulation peak stands far above the flat Poisson floor
      const median = Array.from(result.power).sort((a, b) => a - b)[result.power.length >> 1];
      expect(result.peakPower).toBeGreaterThan(50 * median);
    }
  });

  it('has the flat shot-noise floor 2ν/N of independent Poisson neurons', async () => {
    // Binned Poisson counts are white: the rate's variance ν/(N·w) spread over fs/2 = 1/(2w) gives 2ν/N Hz²/Hz.
    const size = 100;
    const rate = 20;
    const train = poissonPopulation({ size, rate, duration: 30, seed: 'spectrum/flat' });
    const result = await lastValueFrom(fromSpikeArrays({ neuron: train.neuron, t: train.t, size, t1: 30 }).pipe(populationSpectrum({ binWidth: 0.002, segment: 0.512 })));
    const interior = Array.from(result.power.subarray(3));
    const mean = interior.reduce((a, b) => a + b, 0) / interior.length;
    expect(Math.abs(mean / ((2 * rate) / size) - 1)).toBeLessThan(0.05);
  });

  it('gives NaN when the recording is shorter than one segment', async () => {
    const result = await lastValueFrom(fromSpikeArrays({ neuron: [0], t: [0.1], size: 1, t1: 0.5 }).pipe(populationSpectrum({ binWidth: 0.001, segment: 1 })));
    expect(result.segments).toBe(0);
    expect(result.peakFrequency).toBeNaN();
  });

  it('rejects a segment that is not a whole number of bins, and frame gaps', async () => {
    expect(() => populationSpectrum({ binWidth: 0.001, segment: 0.0015 })).toThrow(/segment: expected a whole number \(≥ 2\) of bins of 0.001 s, got 0.0015/);
    expect(() => populationSpectrum({ binWidth: 0.001, segment: 0.001 })).toThrow(SpikeflowError);
    expect(() => populationSpectrum({ binWidth: 0, segment: 1 })).toThrow(/binWidth/);
    const spikeFrame = (t0: number, t1: number): Frame => ({ kind: 'spikes', t0, t1, size: 1, neuron: new Int32Array(0), t: new Float64Array(0) });
    await expect(lastValueFrom(from([spikeFrame(0, 1), spikeFrame(2, 3)]).pipe(populationSpectrum({ binWidth: 0.01, segment: 0.1 })))).rejects.toThrow(/contiguous/);
  });

  it('unsubscribes from the source when torn down', () => {
    const source = new Subject<Frame>();
    const seen: PopulationSpectrumResult[] = [];
    const subscription = source.pipe(populationSpectrum({ binWidth: 0.01, segment: 0.1 })).subscribe((value) => seen.push(value));
    subscription.unsubscribe();
    expect(source.observed).toBe(false);
    source.complete();
    expect(seen).toHaveLength(0);
  });
});
