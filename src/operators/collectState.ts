import { Observable, type OperatorFunction } from 'rxjs';
import type { Frame } from '../core/frame.js';
import { GrowableArray } from '../core/growable.js';

export interface CollectedState {
  readonly variable: string;
  readonly neurons: Int32Array;
  readonly times: Float64Array;
  /** Row-major samples × neurons. */
  readonly values: Float64Array;
}

/**
 * Gathers the samples of one state variable into typed columns, emitted once on completion.
 *
 * @example
 * ```ts
 * const trace = await lastValueFrom(frames$.pipe(collectState('V', { until: 5 })));
 * ```
 * @param variable the recorded variable to keep
 * @param options.until keep only samples before this time (seconds), bounding memory on long runs
 */
export function collectState(variable: string, options: { until?: number } = {}): OperatorFunction<Frame, CollectedState> {
  const until = options.until ?? Infinity;
  return (source) =>
    new Observable<CollectedState>((subscriber) => {
      let times: GrowableArray<Float64Array> | undefined = new GrowableArray(Float64Array);
      let values: GrowableArray<Float64Array> | undefined = new GrowableArray(Float64Array);
      let neurons: Int32Array = new Int32Array(0);
      const subscription = source.subscribe({
        next(frame) {
          if (frame.kind !== 'state' || frame.variable !== variable || !times || !values) return;
          neurons = frame.neurons;
          let count = frame.times.length;
          while (count > 0 && frame.times[count - 1] >= until) count--;
          times.reserve(count).set(frame.times.subarray(0, count), times.length);
          times.length += count;
          const width = frame.neurons.length;
          values.reserve(count * width).set(frame.values.subarray(0, count * width), values.length);
          values.length += count * width;
        },
        error: (error) => subscriber.error(error),
        complete() {
          if (times && values) subscriber.next({ variable, neurons, times: times.finish(), values: values.finish() });
          subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        times = undefined;
        values = undefined;
      };
    });
}
