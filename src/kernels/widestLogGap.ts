export interface LogGap {
  /** The value below the gap. */
  readonly lower: number;
  /** The value above the gap. */
  readonly upper: number;
  /** √(lower·upper): the middle of the gap on a log scale. */
  readonly threshold: number;
}

/**
 * The widest gap between consecutive positive values on a log scale, and its geometric midpoint: a threshold
 * taken from the data for quantities that fall in two groups orders of magnitude apart (distances of converged
 * and of diverged trajectories). Zero, negative and non-finite values are ignored; with fewer than two positive
 * values there is no gap and every field is NaN.
 */
export function widestLogGap(values: ArrayLike<number>): LogGap {
  const positive: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > 0 && v < Infinity) positive.push(v);
  }
  if (positive.length < 2) return { lower: NaN, upper: NaN, threshold: NaN };
  const sorted = Float64Array.from(positive).sort();
  let best = 0;
  for (let k = 1; k < sorted.length - 1; k++) if (sorted[k + 1] / sorted[k] > sorted[best + 1] / sorted[best]) best = k;
  const lower = sorted[best];
  const upper = sorted[best + 1];
  return { lower, upper, threshold: Math.sqrt(lower) * Math.sqrt(upper) };
}
