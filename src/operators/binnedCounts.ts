import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import { isSpikeFrame, type Frame } from '../core/frame.js';
import { binIndexOf } from '../kernels/binnedPopulationRate.js';
import { addBinnedSpikes, binnedCountMoments, closeBinsBefore, type BinnedCountMoments } from '../kernels/binnedCountMoments.js';

/** Frame boundaries this far apart (in bin widths) still count as contiguous. */
const CONTIGUITY_TOLERANCE = 1e-9;

/**
 * The shared plumbing of statistics over per-neuron spike counts in whole bins `[k·w, (k+1)·w)` (synchrony,
 * Fano factor): accumulates exact count moments over contiguous spike frames, ignores state frames, and emits
 * `finish(moments)` once on completion (`undefined` when no spike frame came). The open bin is never counted.
 *
 * @param name the operator's name, for error messages
 * @param widthName the option that sets the bin width, for error messages
 * @param width bin width in seconds
 * @param finish turns the accumulated moments into the result
 */
export function binnedCounts<R>(name: string, widthName: string, width: number, finish: (moments: BinnedCountMoments | undefined) => R): OperatorFunction<Frame, R> {
  if (!(width > 0) || !Number.isFinite(width)) throw invalidParameter(`${name} ${widthName}`, width, 'a positive finite duration in seconds');
  return (source) =>
    new Observable<R>((subscriber) => {
      let moments: BinnedCountMoments | undefined;
      let previousEnd = NaN;
      const subscription = source.subscribe({
        next(frame) {
          if (subscriber.closed || !isSpikeFrame(frame)) return;
          try {
            if (moments === undefined) {
              moments = binnedCountMoments(frame.size, width, frame.t0);
            } else {
              if (frame.size !== moments.size) {
                throw invalidParameter(`${name} frame size`, frame.size, `the population size of the first frame, ${moments.size}`);
              }
              if (Math.abs(frame.t0 - previousEnd) > CONTIGUITY_TOLERANCE * width) {
                throw invalidParameter(`${name} frame t0`, frame.t0, `contiguous frames, starting at the previous frame's t1 = ${previousEnd} s`);
              }
            }
            previousEnd = frame.t1;
            addBinnedSpikes(moments, frame.neuron, frame.t);
            closeBinsBefore(moments, binIndexOf(frame.t1, width));
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          subscriber.next(finish(moments));
          subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        moments = undefined;
      };
    });
}
