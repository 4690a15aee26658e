import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import { isSpikeFrame, type Frame } from '../core/frame.js';
import { observedTime } from '../kernels/observedTime.js';
import { countSpikes, ratesFromCounts } from '../kernels/spikeCounts.js';

export interface FiringRatesOptions {
  /**
   * `'complete'` (default): emit once, when the source completes.
   * `'frame'`: also emit the running estimate after every spike frame, for progress displays; the last
   * emission is then the same final value.
   */
  readonly emit?: 'complete' | 'frame';
}

/**
 * Per-neuron firing rate in Hz: spike count / observed simulated time.
 *
 * Observed time is the summed span of the spike frames. Frames that follow on exactly (`t0` equal to the previous
 * `t1`) are merged before subtracting, so an uninterrupted recording of `[T0, T1)` is divided by exactly `T1 − T0`
 * and the rates are bit-identical for every chunking. State frames are ignored. With no time observed, silent
 * neurons get NaN; with no spike frame at all, the single emission is an empty array (in both emit modes).
 *
 * @example
 * ```ts
 * const rates = await lastValueFrom(fromSpikeArrays({ neuron, t, size: 100, t1: 10 }).pipe(firingRates()));
 * ```
 * @param options when to emit (default: once, on completion)
 * @returns an operator emitting `Float64Array(size)` of rates in Hz; each emission is a new array
 */
export function firingRates(options: FiringRatesOptions = {}): OperatorFunction<Frame, Float64Array> {
  const emit = options.emit ?? 'complete';
  if (emit !== 'complete' && emit !== 'frame') throw invalidParameter('firingRates emit', emit, '"complete" or "frame"');
  const everyFrame = emit === 'frame';

  return (source) =>
    new Observable<Float64Array>((subscriber) => {
      let counts: Float64Array | undefined;
      const span = observedTime.init();
      const observed = (): number => observedTime.value(span);

      const subscription = source.subscribe({
        next(frame) {
          if (subscriber.closed || !isSpikeFrame(frame)) return;
          try {
            if (counts === undefined) {
              counts = new Float64Array(frame.size);
            } else {
              if (frame.size !== counts.length) {
                throw invalidParameter('firingRates frame size', frame.size, `the population size of the first frame, ${counts.length}`);
              }
            }
            observedTime.add(span, frame.t0, frame.t1);
            countSpikes(frame.neuron, counts);
          } catch (error) {
            subscriber.error(error);
            return;
          }
          if (everyFrame) subscriber.next(ratesFromCounts(counts, observed()));
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          if (counts === undefined) subscriber.next(new Float64Array(0));
          else if (!everyFrame) subscriber.next(ratesFromCounts(counts, observed()));
          subscriber.complete();
        },
      });

      return () => {
        subscription.unsubscribe();
        counts = undefined;
      };
    });
}
