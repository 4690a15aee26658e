import { fftInPlace, fftPlan, nextPowerOfTwo, type FftPlan } from './fftRadix2.js';
import { hannWindow } from './hannWindow.js';

/**
 * Streaming power spectral density by Welch's method (Welch 1967, IEEE Trans. Audio Electroacoust. 15:70–73):
 * samples are cut into segments of `segmentLength` overlapping by half, each segment has its mean removed, is
 * multiplied by a periodic Hann window, zero-padded to a power of two and Fourier transformed; the periodograms are
 * averaged. The scaling is scipy's `welch(..., scaling='density')`: one-sided, in (signal unit)²/Hz, so the sum of
 * the spectrum times the frequency step approximates the signal's variance.
 *
 * The segments depend on the sample sequence alone, so feeding the samples in any pieces gives bit-identical
 * results.
 */
export interface WelchSpectrum {
  readonly segmentLength: number;
  /** Samples between the starts of consecutive segments: segmentLength − ⌊segmentLength / 2⌋. */
  readonly hop: number;
  /** FFT length: the smallest power of two ≥ segmentLength. */
  readonly fftLength: number;
  readonly sampleRate: number;
  readonly window: Float64Array;
  /** Σ w², the window's power, for the density scaling. */
  readonly windowPower: number;
  readonly plan: FftPlan;
  /** Samples of the segment being filled. */
  readonly buffer: Float64Array;
  filled: number;
  /** Sum over segments of |X_k|², k = 0 … fftLength/2. */
  readonly periodogramSum: Float64Array;
  segments: number;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

export interface WelchOptions {
  /** Samples per segment (integer ≥ 2). */
  readonly segmentLength: number;
  /** Samples per second of the input, in Hz. */
  readonly sampleRate: number;
}

export interface PowerSpectrum {
  /** Frequencies k·sampleRate/fftLength, k = 0 … fftLength/2, in Hz. */
  readonly frequency: Float64Array;
  /** Power spectral density at each frequency; NaN everywhere when no whole segment was seen. */
  readonly power: Float64Array;
  /** Segments averaged. */
  readonly segments: number;
}

export function welchSpectrum(options: WelchOptions): WelchSpectrum {
  const { segmentLength, sampleRate } = options;
  if (!Number.isInteger(segmentLength) || segmentLength < 2) {
    throw new RangeError(`welchSpectrum: expected segmentLength to be an integer ≥ 2, got ${segmentLength}`);
  }
  if (!(sampleRate > 0) || !Number.isFinite(sampleRate)) {
    throw new RangeError(`welchSpectrum: expected sampleRate to be a positive finite number, got ${sampleRate}`);
  }
  const fftLength = nextPowerOfTwo(segmentLength);
  const window = hannWindow(segmentLength);
  let windowPower = 0;
  for (let k = 0; k < segmentLength; k++) windowPower += window[k] * window[k];
  return {
    segmentLength,
    hop: segmentLength - Math.floor(segmentLength / 2),
    fftLength,
    sampleRate,
    window,
    windowPower,
    plan: fftPlan(fftLength),
    buffer: new Float64Array(segmentLength),
    filled: 0,
    periodogramSum: new Float64Array(fftLength / 2 + 1),
    segments: 0,
    re: new Float64Array(fftLength),
    im: new Float64Array(fftLength),
  };
}

/**
 * Appends samples; every segment they complete is transformed and added to the average.
 *
 * @param state spectrum updated in place
 * @param samples the next samples of the signal, in order
 */
export function addWelchSamples(state: WelchSpectrum, samples: ArrayLike<number>): WelchSpectrum {
  const { buffer, segmentLength, hop } = state;
  for (let i = 0; i < samples.length; i++) {
    buffer[state.filled++] = samples[i];
    if (state.filled === segmentLength) {
      addSegment(state);
      buffer.copyWithin(0, hop);
      state.filled = segmentLength - hop;
    }
  }
  return state;
}

function addSegment(state: WelchSpectrum): void {
  const { buffer, window, segmentLength, re, im, periodogramSum } = state;
  let mean = 0;
  for (let k = 0; k < segmentLength; k++) mean += buffer[k];
  mean /= segmentLength;
  for (let k = 0; k < segmentLength; k++) re[k] = (buffer[k] - mean) * window[k];
  re.fill(0, segmentLength);
  im.fill(0);
  fftInPlace(state.plan, re, im);
  for (let k = 0; k < periodogramSum.length; k++) periodogramSum[k] += re[k] * re[k] + im[k] * im[k];
  state.segments++;
}

/** The averaged one-sided power spectral density of the segments seen so far. */
export function welchDensity(state: WelchSpectrum): PowerSpectrum {
  const { fftLength, sampleRate, periodogramSum, segments } = state;
  const bins = periodogramSum.length;
  const frequency = new Float64Array(bins);
  for (let k = 0; k < bins; k++) frequency[k] = (k * sampleRate) / fftLength;
  const power = new Float64Array(bins);
  if (segments === 0) return { frequency, power: power.fill(NaN), segments };
  const scale = 1 / (segments * sampleRate * state.windowPower);
  for (let k = 0; k < bins; k++) power[k] = periodogramSum[k] * scale;
  // Fold negative frequencies onto positive ones; DC and Nyquist have no mirror image.
  for (let k = 1; k < bins - 1; k++) power[k] *= 2;
  return { frequency, power, segments };
}
