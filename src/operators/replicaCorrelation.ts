import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import type { Frame } from '../core/frame.js';
import { GrowableArray } from '../core/growable.js';

export interface ReplicaCorrelation {
  readonly times: Float64Array;
  readonly replicas: number;
  /** q_a = (1/N)·Σ_i h_ai², row-major samples × replicas. */
  readonly lengths: Float64Array;
  /**
   * c_ab = q_ab/√(q_a·q_b) with q_ab = (1/N)·Σ_i h_ai·h_bi, row-major samples × pairs, pairs (a, b), a < b, in
   * lexicographic order ((0, 1) alone for two replicas).
   */
  readonly correlations: Float64Array;
}

/**
 * Squared lengths and pairwise correlations of several replicas of one population recorded side by side, the
 * order parameters q and c of signal propagation in deep random networks (Poole et al. 2016: q^l_aa and
 * c^l_12 = q^l_12/√(q^l_11·q^l_22)). Each state frame of `variable` must hold all `replicas × width` neurons in
 * replica-major order. Emitted once on completion.
 *
 * @example
 * ```ts
 * const { correlations } = await lastValueFrom(frames$.pipe(replicaCorrelation('h', { replicas: 2 })));
 * ```
 * @param variable the recorded variable
 * @param options.replicas how many replicas the recorded neurons split into, equally and in order
 * @returns an operator emitting one `ReplicaCorrelation`
 */
export function replicaCorrelation(variable: string, options: { replicas: number }): OperatorFunction<Frame, ReplicaCorrelation> {
  const { replicas } = options;
  if (!(Number.isInteger(replicas) && replicas >= 2)) throw invalidParameter('replicaCorrelation replicas', replicas, 'an integer ≥ 2');
  const pairs = (replicas * (replicas - 1)) / 2;
  return (source) =>
    new Observable<ReplicaCorrelation>((subscriber) => {
      let times: GrowableArray<Float64Array> | undefined = new GrowableArray(Float64Array);
      let lengths: GrowableArray<Float64Array> | undefined = new GrowableArray(Float64Array);
      let correlations: GrowableArray<Float64Array> | undefined = new GrowableArray(Float64Array);
      const subscription = source.subscribe({
        next(frame) {
          if (subscriber.closed || frame.kind !== 'state' || frame.variable !== variable || !times || !lengths || !correlations) return;
          const total = frame.neurons.length;
          if (total % replicas !== 0) {
            subscriber.error(invalidParameter('replicaCorrelation frame', `${total} neurons`, `a multiple of ${replicas} replicas`));
            return;
          }
          const width = total / replicas;
          for (let s = 0; s < frame.times.length; s++) {
            const base = s * total;
            times.push(frame.times[s]);
            const q = lengths.reserve(replicas);
            const start = lengths.length;
            for (let a = 0; a < replicas; a++) {
              let sum = 0;
              for (let i = 0; i < width; i++) {
                const h = frame.values[base + a * width + i];
                sum += h * h;
              }
              q[start + a] = sum / width;
            }
            lengths.length = start + replicas;
            const c = correlations.reserve(pairs);
            let pair = correlations.length;
            for (let a = 0; a < replicas; a++) {
              for (let b = a + 1; b < replicas; b++) {
                let sum = 0;
                for (let i = 0; i < width; i++) sum += frame.values[base + a * width + i] * frame.values[base + b * width + i];
                c[pair++] = sum / width / Math.sqrt(q[start + a] * q[start + b]);
              }
            }
            correlations.length = pair;
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          if (times && lengths && correlations) {
            subscriber.next({ times: times.finish(), replicas, lengths: lengths.finish(), correlations: correlations.finish() });
          }
          subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        times = undefined;
        lengths = undefined;
        correlations = undefined;
      };
    });
}
