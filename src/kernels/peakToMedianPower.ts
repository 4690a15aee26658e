/**
 * How far a spectrum's peak stands out: its largest power above 0 Hz divided by the median power above 0 Hz
 * (NaN powers skipped). A flat (white) spectrum estimated from a few Welch segments gives values of a few units;
 * a genuine population oscillation gives tens to thousands.
 *
 * @param frequency frequencies in Hz
 * @param power spectral power at each frequency
 */
export function peakToMedianPower(frequency: Float64Array, power: Float64Array): number {
  if (frequency.length !== power.length) {
    throw new RangeError(`peakToMedianPower: expected frequency and power of equal length, got ${frequency.length} and ${power.length}`);
  }
  const values: number[] = [];
  let peak = -Infinity;
  for (let k = 0; k < power.length; k++) {
    const p = power[k];
    if (!(frequency[k] > 0) || p !== p) continue;
    values.push(p);
    if (p > peak) peak = p;
  }
  if (values.length === 0) return NaN;
  values.sort((a, b) => a - b);
  const middle = values.length >> 1;
  const median = values.length % 2 === 1 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
  return median > 0 ? peak / median : peak > 0 ? Infinity : NaN;
}
