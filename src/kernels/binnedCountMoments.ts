import { binIndexOf, firstWholeBin } from './binnedPopulationRate.js';

/**
 * Streaming first and second moments of spike counts in fixed bins `[k·w, (k+1)·w)` aligned at t = 0,
 * per neuron and for the whole population, over the bins wholly inside the recording.
 *
 * Counts are integers, so plain sums of counts and of squared counts are exact in float64 (up to 2^53): the
 * moments are bit-identical however the spike train is chunked, and variances are formed exactly at the end
 * (`countScatter`) instead of with Welford's update, which would round at every bin.
 * Only neurons that spike in a bin are touched when it closes, so the cost is O(spikes + bins), not O(N · bins).
 */
export interface BinnedCountMoments {
  readonly size: number;
  readonly binWidth: number;
  /** Index of the bin currently being filled; every earlier bin from the first whole one is closed. */
  openBin: number;
  /** Closed bins so far. */
  bins: number;
  /** Per-neuron sum of counts over the closed bins. */
  readonly sum: Float64Array;
  /** Per-neuron sum of squared counts over the closed bins. */
  readonly sumSquares: Float64Array;
  /** Sum over closed bins of the population count (all neurons' spikes in the bin). */
  populationSum: number;
  /** Sum over closed bins of the squared population count. */
  populationSumSquares: number;
  /** Counts of the open bin, per neuron. */
  readonly open: Float64Array;
  /** Neurons with a non-zero count in the open bin, `touchedCount` of them. */
  readonly touched: Int32Array;
  touchedCount: number;
}

/**
 * Empty moments for `size` neurons whose recording starts at `t0`: a bin that starts before `t0` is only partly
 * observed and is skipped, so the first bin counted is the first that starts at or after `t0`.
 */
export function binnedCountMoments(size: number, binWidth: number, t0: number): BinnedCountMoments {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`binnedCountMoments: expected size to be an integer ≥ 0, got ${size}`);
  if (!(binWidth > 0) || !Number.isFinite(binWidth)) {
    throw new RangeError(`binnedCountMoments: expected binWidth to be a positive finite number, got ${binWidth}`);
  }
  return {
    size,
    binWidth,
    openBin: firstWholeBin(t0, binWidth),
    bins: 0,
    sum: new Float64Array(size),
    sumSquares: new Float64Array(size),
    populationSum: 0,
    populationSumSquares: 0,
    open: new Float64Array(size),
    touched: new Int32Array(size),
    touchedCount: 0,
  };
}

/**
 * Counts spikes into their bins, closing every bin that a later spike has moved past. Spikes must come in
 * non-decreasing time order (within and across calls); spikes in bins already closed, or before the first whole
 * bin, are not counted.
 *
 * @param state moments updated in place
 * @param neuron neuron index of each spike, in `[0, state.size)`
 * @param t spike time of each spike in seconds
 */
export function addBinnedSpikes(state: BinnedCountMoments, neuron: Int32Array, t: Float64Array): BinnedCountMoments {
  if (neuron.length !== t.length) {
    throw new RangeError(`addBinnedSpikes: expected neuron and t of equal length, got ${neuron.length} and ${t.length}`);
  }
  const { open, touched, binWidth } = state;
  for (let i = 0; i < t.length; i++) {
    const bin = binIndexOf(t[i], binWidth);
    if (bin < state.openBin) continue;
    if (bin > state.openBin) closeBinsBefore(state, bin);
    const n = neuron[i];
    if (open[n] === 0) touched[state.touchedCount++] = n;
    open[n]++;
  }
  return state;
}

/**
 * Closes the open bin and any empty bins after it, up to (not including) bin `bin`, which becomes the open one.
 * Call it with `binIndexOf(t1, binWidth)` when the recording has reached `t1`. Does nothing if `bin` is not ahead.
 */
export function closeBinsBefore(state: BinnedCountMoments, bin: number): BinnedCountMoments {
  if (bin <= state.openBin) return state;
  const { open, touched, sum, sumSquares } = state;
  let population = 0;
  for (let k = 0; k < state.touchedCount; k++) {
    const n = touched[k];
    const count = open[n];
    sum[n] += count;
    sumSquares[n] += count * count;
    population += count;
    open[n] = 0;
  }
  state.touchedCount = 0;
  state.populationSum += population;
  state.populationSumSquares += population * population;
  // The bins after the first are empty: they add to the number of bins only.
  state.bins += bin - state.openBin;
  state.openBin = bin;
  return state;
}

/**
 * The scatter `Σ (x − x̄)²` of `bins` integer values from their exact sum and sum of squares:
 * `(bins · Σx² − (Σx)²) / bins`, with the numerator formed exactly (in BigInt once it outgrows 2^53), so no
 * cancellation error arises however large the mean is against the spread.
 */
export function countScatter(sum: number, sumSquares: number, bins: number): number {
  if (bins <= 0) return NaN;
  const product = bins * sumSquares;
  const square = sum * sum;
  if (product <= Number.MAX_SAFE_INTEGER && square <= Number.MAX_SAFE_INTEGER) return (product - square) / bins;
  const exact = BigInt(bins) * BigInt(sumSquares) - BigInt(sum) * BigInt(sum);
  return Number(exact) / bins;
}
