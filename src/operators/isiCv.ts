import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import { isSpikeFrame, type Frame } from '../core/frame.js';
import { addSpikes, isiCvValues, isiMoments, type IsiMoments } from '../kernels/isiMoments.js';

export interface IsiCvOptions {
  /** Fewest spikes a neuron needs for a CV (integer ≥ 2); neurons with fewer get NaN. Default 3. */
  readonly minSpikes?: number;
}

/**
 * Coefficient of variation of each neuron's inter-spike intervals (ISI std / ISI mean), emitted once on completion.
 *
 * Intervals span frame boundaries and are accumulated with Welford's update, so the result is identical for every
 * chunking of the same spike train. The std is the population std over the n intervals (ddof = 0, numpy's default):
 * a regular train gives 0 and a Poisson train gives ≈ 1. State frames are ignored; with no spike frame at all the
 * result is an empty array.
 *
 * @example
 * ```ts
 * const cv = await lastValueFrom(frames$.pipe(isiCv({ minSpikes: 5 })));
 * const meanCv = meanOf(cv, { skipNaN: true });
 * ```
 * @param options `minSpikes`, the fewest spikes for a defined CV (default 3)
 * @returns an operator emitting one `Float64Array(size)` of CVs, NaN where undefined
 */
export function isiCv(options: IsiCvOptions = {}): OperatorFunction<Frame, Float64Array> {
  const minSpikes = options.minSpikes ?? 3;
  if (!Number.isInteger(minSpikes) || minSpikes < 2) throw invalidParameter('isiCv minSpikes', minSpikes, 'an integer ≥ 2');

  return (source) =>
    new Observable<Float64Array>((subscriber) => {
      let moments: IsiMoments | undefined;

      const subscription = source.subscribe({
        next(frame) {
          if (subscriber.closed || !isSpikeFrame(frame)) return;
          try {
            if (moments === undefined) {
              moments = isiMoments(frame.size);
            } else if (frame.size !== moments.size) {
              throw invalidParameter('isiCv frame size', frame.size, `the population size of the first frame, ${moments.size}`);
            }
            addSpikes(moments, frame.neuron, frame.t);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          subscriber.next(moments === undefined ? new Float64Array(0) : isiCvValues(moments, minSpikes));
          subscriber.complete();
        },
      });

      return () => {
        subscription.unsubscribe();
        moments = undefined;
      };
    });
}
