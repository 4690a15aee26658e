export interface HistogramOptions {
  /** Number of equal-width bins (integer ≥ 1). */
  readonly bins: number;
  /** Lower edge of the first bin; defaults to the smallest finite value. */
  readonly min?: number;
  /** Upper edge of the last bin; defaults to the largest finite value. */
  readonly max?: number;
}

export interface Histogram {
  /** `bins + 1` increasing bin edges. */
  readonly edges: Float64Array;
  /** `counts[i]` counts values in `[edges[i], edges[i + 1])`; the last bin also holds `edges[bins]`. */
  readonly counts: Float64Array;
}

/**
 * Counts finite values into equal-width bins.
 *
 * Non-finite values and values outside an explicit `[min, max]` are not counted, so with the default range
 * the counts sum to the number of finite values. A degenerate range (all values equal, or no finite value)
 * is widened to one unit around the value so the bins keep a positive width.
 */
export function histogram(values: ArrayLike<number>, options: HistogramOptions): Histogram {
  const bins = options.bins;
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`histogram: expected bins to be an integer ≥ 1, got ${bins}`);
  }
  let min = options.min ?? Infinity;
  let max = options.max ?? -Infinity;
  if (options.min === undefined || options.max === undefined) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < lo && v > -Infinity) lo = v;
      if (v > hi && v < Infinity) hi = v;
    }
    if (options.min === undefined) min = lo;
    if (options.max === undefined) max = hi;
  }
  if (!Number.isFinite(min) && !Number.isFinite(max)) {
    min = 0;
    max = 0;
  } else if (!Number.isFinite(min)) {
    min = max;
  } else if (!Number.isFinite(max)) {
    max = min;
  }
  if (min > max) {
    throw new RangeError(`histogram: expected min ≤ max, got min ${min} and max ${max}`);
  }
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }

  const edges = new Float64Array(bins + 1);
  const width = (max - min) / bins;
  for (let i = 0; i <= bins; i++) edges[i] = min + i * width;
  edges[bins] = max;

  const counts = new Float64Array(bins);
  // Dividing by the span (rather than multiplying by bins / span) stays finite for subnormal spans.
  const span = max - min;
  const last = bins - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= min && v <= max)) continue;
    let bin = Math.floor(((v - min) / span) * bins);
    // Rounding can push values at (or a hair below) max into a bin past the end.
    if (bin > last) bin = last;
    counts[bin]++;
  }
  return { edges, counts };
}
