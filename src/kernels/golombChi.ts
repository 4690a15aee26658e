import { countScatter, type BinnedCountMoments } from './binnedCountMoments.js';

export interface GolombChi {
  /** χ = √χ², in [0, 1]: ≈ 1/√N for independent neurons, 1 for identical spike trains. */
  readonly chi: number;
  /** χ² = Var_t(A) / mean_i Var_t(x_i). */
  readonly chiSquared: number;
  /** Time variance of the population-averaged count per bin, A(k) = (1/N) Σ_i x_i(k). */
  readonly populationVariance: number;
  /** Mean over neurons of the time variance of each neuron's count per bin. */
  readonly meanNeuronVariance: number;
  /** Bins the variances are taken over. */
  readonly bins: number;
}

/**
 * Golomb's synchrony measure χ from binned spike counts (Golomb & Rinzel 1993; Golomb 2007, Scholarpedia 2(1):1347):
 * χ² is the variance over time of the population-averaged activity A(k) = (1/N) Σ_i x_i(k) divided by the mean over
 * neurons of each neuron's own variance over time, with x_i(k) the spike count of neuron i in bin k.
 *
 * Variances are taken over the bins with divisor K (the ratio does not depend on it). Since the variance of a mean
 * never exceeds the mean of the variances, 0 ≤ χ ≤ 1. For N independent neurons E[Var A] = mean_i Var x_i / N, so χ ≈ 1/√N;
 * all neurons firing in the same bins give χ = 1. Silent neurons count (with variance 0) in both numerator and
 * denominator, as in Golomb's definition over all N neurons. With no variance at all (no spikes, or fewer than two
 * bins) χ is NaN.
 *
 * @param moments binned count moments of the population
 */
export function golombChi(moments: BinnedCountMoments): GolombChi {
  const { size, bins, sum, sumSquares } = moments;
  let neuronScatter = 0;
  for (let i = 0; i < size; i++) neuronScatter += countScatter(sum[i], sumSquares[i], bins);
  const populationScatter = countScatter(moments.populationSum, moments.populationSumSquares, bins);
  // Var(A) = Var(population count) / N² and mean_i Var(x_i) = Σ_i Var(x_i) / N, so χ² = scatter(n) / (N · Σ scatter(x_i)).
  const chiSquared = neuronScatter > 0 ? populationScatter / (size * neuronScatter) : NaN;
  return {
    chi: Math.sqrt(chiSquared),
    chiSquared,
    populationVariance: bins > 0 ? populationScatter / bins / (size * size) : NaN,
    meanNeuronVariance: bins > 0 && size > 0 ? neuronScatter / bins / size : NaN,
    bins,
  };
}
