import { Observable, type OperatorFunction } from 'rxjs';
import type { Frame } from '../core/frame.js';
import { GrowableArray } from '../core/growable.js';

export interface CollectedSpikes {
  readonly neuron: Int32Array;
  readonly t: Float64Array;
  /** Population size of the frames collected. */
  readonly size: number;
  /** Covered time span [t0, t1). */
  readonly t0: number;
  readonly t1: number;
}

/**
 * Gathers all spikes of a stream into two typed columns, emitted once on completion.
 * Memory grows with the spike count: use it on selected neurons or short runs (figures, tests).
 *
 * @example
 * ```ts
 * const raster = await lastValueFrom(frames$.pipe(selectNeurons(ids), collectSpikes()));
 * ```
 * @param options.until keep only spikes before this time (seconds), bounding memory on long runs
 */
export function collectSpikes(options: { until?: number } = {}): OperatorFunction<Frame, CollectedSpikes> {
  const until = options.until ?? Infinity;
  return (source) =>
    new Observable<CollectedSpikes>((subscriber) => {
      let neuron: GrowableArray<Int32Array> | undefined = new GrowableArray(Int32Array);
      let times: GrowableArray<Float64Array> | undefined = new GrowableArray(Float64Array);
      let size = 0;
      let t0 = NaN;
      let t1 = NaN;
      const subscription = source.subscribe({
        next(frame) {
          if (frame.kind !== 'spikes' || !neuron || !times) return;
          size = frame.size;
          if (t0 !== t0) t0 = frame.t0;
          t1 = Math.min(frame.t1, until);
          if (frame.t0 >= until) return;
          let count = frame.t.length;
          while (count > 0 && frame.t[count - 1] >= until) count--;
          neuron.reserve(count).set(frame.neuron.subarray(0, count), neuron.length);
          neuron.length += count;
          times.reserve(count).set(frame.t.subarray(0, count), times.length);
          times.length += count;
        },
        error: (error) => subscriber.error(error),
        complete() {
          if (neuron && times) subscriber.next({ neuron: neuron.finish(), t: times.finish(), size, t0: t0 === t0 ? t0 : 0, t1: t1 === t1 ? t1 : 0 });
          subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        neuron = undefined;
        times = undefined;
      };
    });
}
