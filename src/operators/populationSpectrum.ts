import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import type { Frame } from '../core/frame.js';
import { spectralPeak } from '../kernels/spectralPeak.js';
import { addWelchSamples, welchDensity, welchSpectrum, type WelchSpectrum } from '../kernels/welchSpectrum.js';
import { populationRate } from './populationRate.js';

export interface PopulationSpectrumOptions {
  /** Bin width of the population rate in seconds; the spectrum reaches up to 1/(2·binWidth). */
  readonly binWidth: number;
  /** Welch segment duration in seconds, a whole number (≥ 2) of bins; the frequency resolution is about 1/segment. */
  readonly segment: number;
}

export interface PopulationSpectrumResult {
  /** Frequencies in Hz, 0 … 1/(2·binWidth) in steps of 1/(fftLength·binWidth). */
  readonly frequency: Float64Array;
  /** One-sided power spectral density of the population rate, in Hz²/Hz; NaN when no whole segment was recorded. */
  readonly power: Float64Array;
  /** Segments averaged. */
  readonly segments: number;
  /** Frequency of the largest power above 0 Hz (the DC term is left out), NaN without segments. */
  readonly peakFrequency: number;
  readonly peakPower: number;
  /** Bins per segment and the (power-of-two, zero-padded) FFT length. */
  readonly segmentLength: number;
  readonly fftLength: number;
}

/** A segment this close (in bins) to a whole number of bins counts as whole. */
const WHOLE_BINS_TOLERANCE = 1e-9;

/**
 * Power spectrum of the population rate by Welch's method, with its peak frequency, emitted once on completion.
 *
 * The rate is binned exactly as `populationRate` bins it (whole bins of `binWidth`, in Hz per neuron); the bin
 * sequence is cut into segments of `segment` seconds overlapping by half, each detrended by its mean, Hann
 * windowed, zero-padded to a power of two and transformed by a radix-2 FFT; the periodograms are averaged and
 * scaled as a one-sided density (scipy's `welch` conventions). The peak excludes the DC term; its precision is the
 * frequency step. The result is bit-identical for every chunking of the same spike train. A recording shorter than
 * one segment gives NaN powers and peak: choose `segment` at most the recorded duration.
 *
 * @example
 * ```ts
 * const { peakFrequency } = await lastValueFrom(frames$.pipe(populationSpectrum({ binWidth: 0.001, segment: 0.5 })));
 * ```
 * @param options `binWidth` and `segment`, in seconds
 * @returns an operator emitting one `PopulationSpectrumResult`
 */
export function populationSpectrum(options: PopulationSpectrumOptions): OperatorFunction<Frame, PopulationSpectrumResult> {
  const { binWidth, segment } = options;
  if (!(binWidth > 0) || !Number.isFinite(binWidth)) {
    throw invalidParameter('populationSpectrum binWidth', binWidth, 'a positive finite duration in seconds');
  }
  const bins = segment / binWidth;
  const segmentLength = Math.round(bins);
  if (!Number.isFinite(segment) || segmentLength < 2 || Math.abs(bins - segmentLength) > WHOLE_BINS_TOLERANCE * segmentLength) {
    throw invalidParameter('populationSpectrum segment', segment, `a whole number (≥ 2) of bins of ${binWidth} s`);
  }

  return (source) =>
    new Observable<PopulationSpectrumResult>((subscriber) => {
      let spectrum: WelchSpectrum | undefined = welchSpectrum({ segmentLength, sampleRate: 1 / binWidth });

      const subscription = source.pipe(populationRate({ binWidth })).subscribe({
        next({ rate }) {
          if (spectrum) addWelchSamples(spectrum, rate);
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          if (!spectrum) return;
          const { frequency, power, segments } = welchDensity(spectrum);
          const peak = spectralPeak(frequency, power);
          subscriber.next({
            frequency,
            power,
            segments,
            peakFrequency: peak.frequency,
            peakPower: peak.power,
            segmentLength,
            fftLength: spectrum.fftLength,
          });
          subscriber.complete();
        },
      });

      return () => {
        subscription.unsubscribe();
        spectrum = undefined;
      };
    });
}
