export interface SpectralPeak {
  /** Frequency of the largest power, NaN when no frequency qualifies. */
  readonly frequency: number;
  readonly power: number;
  /** Index into the spectrum arrays, −1 when no frequency qualifies. */
  readonly index: number;
}

/**
 * The frequency of largest power strictly above `minFrequency` (default 0, which leaves out only the DC term).
 * Ties go to the lower frequency; NaN powers are skipped. The peak is on the spectrum's grid, so its precision is
 * the frequency resolution (sample rate / FFT length).
 *
 * @param frequency increasing frequencies in Hz
 * @param power spectral power at each frequency
 * @param minFrequency only frequencies above this count
 */
export function spectralPeak(frequency: Float64Array, power: Float64Array, minFrequency = 0): SpectralPeak {
  if (frequency.length !== power.length) {
    throw new RangeError(`spectralPeak: expected frequency and power of equal length, got ${frequency.length} and ${power.length}`);
  }
  let index = -1;
  let best = -Infinity;
  for (let k = 0; k < frequency.length; k++) {
    if (frequency[k] > minFrequency && power[k] > best) {
      best = power[k];
      index = k;
    }
  }
  return index < 0 ? { frequency: NaN, power: NaN, index } : { frequency: frequency[index], power: best, index };
}
