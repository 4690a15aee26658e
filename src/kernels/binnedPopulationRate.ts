/**
 * Population rate in fixed bins `[k·w, (k+1)·w)` aligned at t = 0: spike count / (w · size), in Hz.
 *
 * Times computed on a step grid (`step * dt`) land a few ulps either side of the bin edge they belong on
 * (0.3 / 0.1 = 2.9999999999999996), so positions are taken with a tolerance of 1e-9 bin widths:
 * a time that close below an edge counts as on it.
 */
const EDGE_TOLERANCE = 1e-9;

/** Index k of the bin `[k·w, (k+1)·w)` holding time `t`. Also the number of bins that have ended by time `t`. */
export function binIndexOf(t: number, binWidth: number): number {
  return Math.floor(t / binWidth + EDGE_TOLERANCE);
}

/** Index of the first bin that starts at or after `t0`, i.e. the first bin wholly inside a window opening at `t0`. */
export function firstWholeBin(t0: number, binWidth: number): number {
  // `+ 0` turns the −0 that Math.ceil gives just below zero into 0, so bin times never print as −0.
  return Math.ceil(t0 / binWidth - EDGE_TOLERANCE) + 0;
}

/**
 * Adds each spike to `counts[k - firstBin]`, k being its bin; spikes in bins outside
 * `[firstBin, firstBin + counts.length)` are not counted.
 *
 * @param t spike times in seconds
 * @param binWidth bin width w in seconds
 * @param firstBin bin index of `counts[0]`
 * @param counts per-bin counts, updated in place
 */
export function countSpikesInBins(t: Float64Array, binWidth: number, firstBin: number, counts: Float64Array): Float64Array {
  const bins = counts.length;
  for (let i = 0; i < t.length; i++) {
    const slot = Math.floor(t[i] / binWidth + EDGE_TOLERANCE) - firstBin;
    if (slot >= 0 && slot < bins) counts[slot]++;
  }
  return counts;
}

/**
 * Converts per-bin spike counts of a population of `size` neurons to a rate per neuron in Hz.
 *
 * @param out destination, defaults to a new array
 */
export function binRates(
  counts: Float64Array,
  binWidth: number,
  size: number,
  out: Float64Array = new Float64Array(counts.length),
): Float64Array {
  if (out.length !== counts.length) {
    throw new RangeError(`binRates: expected out of length ${counts.length}, got ${out.length}`);
  }
  const scale = binWidth * size;
  for (let i = 0; i < counts.length; i++) out[i] = counts[i] / scale;
  return out;
}

export interface BinnedPopulationRateOptions {
  /** Neurons in the population. */
  readonly size: number;
  /** Bin width in seconds. */
  readonly binWidth: number;
  /** Start of the recording in seconds (inclusive). */
  readonly t0: number;
  /** End of the recording in seconds (exclusive). */
  readonly t1: number;
}

export interface BinnedRate {
  /** Start time of each bin, k·w, in seconds. */
  readonly t: Float64Array;
  /** Population rate in each bin, in Hz per neuron. */
  readonly rate: Float64Array;
}

/**
 * Population rate of a whole recording over `[t0, t1)`, keeping only the bins wholly inside it:
 * a partly observed bin would read as a rate drop.
 *
 * @param t spike times in seconds
 * @param options population size, bin width and recording window
 */
export function binnedPopulationRate(t: Float64Array, options: BinnedPopulationRateOptions): BinnedRate {
  const { size, binWidth, t0, t1 } = options;
  if (!(binWidth > 0) || !Number.isFinite(binWidth)) {
    throw new RangeError(`binnedPopulationRate: expected binWidth to be a positive finite number, got ${binWidth}`);
  }
  const first = firstWholeBin(t0, binWidth);
  const bins = Math.max(0, binIndexOf(t1, binWidth) - first);
  const counts = countSpikesInBins(t, binWidth, first, new Float64Array(bins));
  const starts = new Float64Array(bins);
  for (let k = 0; k < bins; k++) starts[k] = (first + k) * binWidth;
  return { t: starts, rate: binRates(counts, binWidth, size, counts) };
}
