import { countScatter, type BinnedCountMoments } from './binnedCountMoments.js';

/**
 * Spike-count Fano factor of each neuron, Var(x)/E(x) of its counts in the closed windows of `moments`.
 *
 * The variance is the unbiased sample variance (divisor K − 1 over K windows), so a Poisson process has expected
 * Fano factor exactly 1 for any K ≥ 2. Neurons that never spiked (mean 0), or any neuron when fewer than two
 * windows closed, get NaN.
 *
 * @param moments binned count moments, bins being the counting windows
 * @param out destination, defaults to a new array
 */
export function fanoFactors(moments: BinnedCountMoments, out: Float64Array = new Float64Array(moments.size)): Float64Array {
  const { size, bins, sum, sumSquares } = moments;
  if (out.length !== size) throw new RangeError(`fanoFactors: expected out of length ${size}, got ${out.length}`);
  if (bins < 2) return out.fill(NaN);
  for (let i = 0; i < size; i++) {
    const mean = sum[i] / bins;
    out[i] = mean > 0 ? countScatter(sum[i], sumSquares[i], bins) / (bins - 1) / mean : NaN;
  }
  return out;
}
