/**
 * Downsamples a sampled signal for plotting without losing its extremes.
 *
 * The samples are split into `floor(maxPoints / 2)` contiguous buckets of (nearly) equal sample count;
 * each bucket contributes its minimum and its maximum, in their original time order, so spikes and
 * peaks narrower than a pixel still reach the figure (the "min-max" / M4-style line decimation).
 * Non-finite `y` values never win a bucket; a bucket holding only NaN keeps its first sample so that
 * gaps in the line stay gaps.
 *
 * @param t sample times, same length as `y` (normally increasing)
 * @param y sample values
 * @param maxPoints upper bound on the number of points returned (integer ≥ 2)
 * @returns new arrays of at most `maxPoints` points; a copy of the input when it already fits
 */
export function minMaxDecimate(
  t: Float64Array,
  y: Float64Array,
  maxPoints: number,
): { t: Float64Array; y: Float64Array } {
  if (t.length !== y.length) {
    throw new RangeError(`minMaxDecimate: expected t and y of equal length, got ${t.length} and ${y.length}`);
  }
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new RangeError(`minMaxDecimate: expected maxPoints to be an integer ≥ 2, got ${maxPoints}`);
  }
  const n = t.length;
  if (n <= maxPoints) return { t: t.slice(), y: y.slice() };

  const buckets = Math.floor(maxPoints / 2);
  const outT = new Float64Array(2 * buckets);
  const outY = new Float64Array(2 * buckets);
  let written = 0;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let minIndex = -1;
    let maxIndex = -1;
    let minValue = Infinity;
    let maxValue = -Infinity;
    for (let i = start; i < end; i++) {
      const v = y[i];
      if (v < minValue) {
        minValue = v;
        minIndex = i;
      }
      if (v > maxValue) {
        maxValue = v;
        maxIndex = i;
      }
    }
    // ±Infinity only wins one side, and an all-NaN bucket wins neither.
    if (minIndex < 0) minIndex = maxIndex < 0 ? start : maxIndex;
    if (maxIndex < 0) maxIndex = minIndex;
    const first = minIndex < maxIndex ? minIndex : maxIndex;
    const second = minIndex < maxIndex ? maxIndex : minIndex;
    outT[written] = t[first];
    outY[written] = y[first];
    written++;
    if (second !== first) {
      outT[written] = t[second];
      outY[written] = y[second];
      written++;
    }
  }
  return { t: outT.slice(0, written), y: outY.slice(0, written) };
}
