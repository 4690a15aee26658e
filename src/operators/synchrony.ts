import type { OperatorFunction } from 'rxjs';
import type { Frame } from '../core/frame.js';
import { binnedCountMoments } from '../kernels/binnedCountMoments.js';
import { binnedCounts } from './binnedCounts.js';
import { golombChi, type GolombChi } from '../kernels/golombChi.js';

export interface SynchronyOptions {
  /** Bin width in seconds for the spike counts x_i(k); bins are `[k·w, (k+1)·w)`, aligned at t = 0. */
  readonly binWidth: number;
}

/**
 * Golomb's synchrony measure χ of a population, emitted once on completion.
 *
 * Estimator: each neuron's spikes are counted in bins of `binWidth` (x_i(k)); χ² is the variance over bins of
 * the population average A(k) = (1/N) Σ_i x_i(k) divided by the mean over neurons of Var_k x_i (Golomb & Rinzel
 * 1993). χ is about 1/√N for independent neurons and 1 when all fire in the same bins; 0 ≤ χ ≤ 1 always. Only bins
 * wholly inside the recording are used (as in `populationRate`). The bin width sets the time scale of "together":
 * choose it near the width of the population events of interest (a few ms for gamma, 1 ms or less for precise
 * synchrony). Counts are summed exactly, so the result is bit-identical for every chunking of the same spike
 * train. Frames must be contiguous; state frames are ignored; with no spike frame χ is NaN.
 *
 * @example
 * ```ts
 * const { chi } = await lastValueFrom(frames$.pipe(synchrony({ binWidth: 0.002 })));
 * ```
 * @param options `binWidth` in seconds
 * @returns an operator emitting one `GolombChi` (χ, χ², both variances and the number of bins)
 */
export function synchrony(options: SynchronyOptions): OperatorFunction<Frame, GolombChi> {
  return binnedCounts('synchrony', 'binWidth', options.binWidth, (moments) => golombChi(moments ?? binnedCountMoments(0, options.binWidth, 0)));
}
