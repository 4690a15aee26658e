import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import { isSpikeFrame, type Frame } from '../core/frame.js';
import { binIndexOf } from '../kernels/binnedPopulationRate.js';
import { addBinnedSpikes, binnedCountMoments, closeBinsBefore, type BinnedCountMoments } from '../kernels/binnedCountMoments.js';
import { fanoFactors } from '../kernels/fanoFactors.js';
import { meanOf } from '../kernels/meanOf.js';

export interface FanoFactorOptions {
  /** Counting window in seconds; windows are `[k·w, (k+1)·w)`, aligned at t = 0, not overlapping. */
  readonly window: number;
}

export interface FanoFactorResult {
  /** Fano factor of each neuron, NaN for neurons that never spiked in a whole window. */
  readonly perNeuron: Float64Array;
  /** Mean over the neurons with a defined Fano factor (NaN if none). */
  readonly mean: number;
  /** Neurons with a defined Fano factor. */
  readonly neurons: number;
  /** Whole windows counted. */
  readonly windows: number;
}

/** Frame boundaries this far apart (in windows) still count as contiguous. */
const CONTIGUITY_TOLERANCE = 1e-9;

/**
 * Spike-count Fano factor, Var/mean of each neuron's spike count over consecutive windows, emitted once on
 * completion together with its population mean.
 *
 * The variance is the unbiased sample variance over the K whole windows inside the recording (divisor K − 1), so a
 * Poisson neuron has Fano factor ≈ 1 (exactly 1 in expectation), a regular one ≈ 0 for windows much longer than its
 * period, and bursty or slowly modulated firing gives values above 1. Counts are summed exactly, so the result is
 * bit-identical for every chunking. Frames must be contiguous; state frames are ignored; with no spike frame the
 * per-neuron array is empty.
 *
 * @example
 * ```ts
 * const { mean } = await lastValueFrom(frames$.pipe(fanoFactor({ window: 0.1 })));
 * ```
 * @param options `window`, the counting window in seconds
 * @returns an operator emitting one `FanoFactorResult`
 */
export function fanoFactor(options: FanoFactorOptions): OperatorFunction<Frame, FanoFactorResult> {
  const window = options.window;
  if (!(window > 0) || !Number.isFinite(window)) {
    throw invalidParameter('fanoFactor window', window, 'a positive finite duration in seconds');
  }

  return (source) =>
    new Observable<FanoFactorResult>((subscriber) => {
      let moments: BinnedCountMoments | undefined;
      let previousEnd = NaN;

      const subscription = source.subscribe({
        next(frame) {
          if (subscriber.closed || !isSpikeFrame(frame)) return;
          try {
            if (moments === undefined) {
              moments = binnedCountMoments(frame.size, window, frame.t0);
            } else {
              if (frame.size !== moments.size) {
                throw invalidParameter('fanoFactor frame size', frame.size, `the population size of the first frame, ${moments.size}`);
              }
              if (Math.abs(frame.t0 - previousEnd) > CONTIGUITY_TOLERANCE * window) {
                throw invalidParameter('fanoFactor frame t0', frame.t0, `contiguous frames, starting at the previous frame's t1 = ${previousEnd} s`);
              }
            }
            previousEnd = frame.t1;
            addBinnedSpikes(moments, frame.neuron, frame.t);
            closeBinsBefore(moments, binIndexOf(frame.t1, window));
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          const perNeuron = moments === undefined ? new Float64Array(0) : fanoFactors(moments);
          let neurons = 0;
          for (let i = 0; i < perNeuron.length; i++) if (perNeuron[i] === perNeuron[i]) neurons++;
          subscriber.next({ perNeuron, mean: meanOf(perNeuron, { skipNaN: true }), neurons, windows: moments?.bins ?? 0 });
          subscriber.complete();
        },
      });

      return () => {
        subscription.unsubscribe();
        moments = undefined;
      };
    });
}
