import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import { isSpikeFrame, type Frame } from '../core/frame.js';
import { binIndexOf } from '../kernels/binnedPopulationRate.js';
import { addBinnedSpikes, binnedCountMoments, closeBinsBefore, type BinnedCountMoments } from '../kernels/binnedCountMoments.js';
import { golombChi, type GolombChi } from '../kernels/golombChi.js';

export interface SynchronyOptions {
  /** Bin width in seconds for the spike counts x_i(k); bins are `[k·w, (k+1)·w)`, aligned at t = 0. */
  readonly binWidth: number;
}

/** Frame boundaries this far apart (in bin widths) still count as contiguous. */
const CONTIGUITY_TOLERANCE = 1e-9;

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
  const binWidth = options.binWidth;
  if (!(binWidth > 0) || !Number.isFinite(binWidth)) {
    throw invalidParameter('synchrony binWidth', binWidth, 'a positive finite duration in seconds');
  }

  return (source) =>
    new Observable<GolombChi>((subscriber) => {
      let moments: BinnedCountMoments | undefined;
      let previousEnd = NaN;

      const subscription = source.subscribe({
        next(frame) {
          if (subscriber.closed || !isSpikeFrame(frame)) return;
          try {
            if (moments === undefined) {
              moments = binnedCountMoments(frame.size, binWidth, frame.t0);
            } else {
              if (frame.size !== moments.size) {
                throw invalidParameter('synchrony frame size', frame.size, `the population size of the first frame, ${moments.size}`);
              }
              if (Math.abs(frame.t0 - previousEnd) > CONTIGUITY_TOLERANCE * binWidth) {
                throw invalidParameter('synchrony frame t0', frame.t0, `contiguous frames, starting at the previous frame's t1 = ${previousEnd} s`);
              }
            }
            previousEnd = frame.t1;
            addBinnedSpikes(moments, frame.neuron, frame.t);
            closeBinsBefore(moments, binIndexOf(frame.t1, binWidth));
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          // The open bin is only partly observed and never counted.
          const empty = binnedCountMoments(0, binWidth, 0);
          subscriber.next(golombChi(moments ?? empty));
          subscriber.complete();
        },
      });

      return () => {
        subscription.unsubscribe();
        moments = undefined;
      };
    });
}
