import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import type { Frame, StateFrame } from '../core/frame.js';
import { addLagSamples, lagAutocorrelation, lagProducts, type LagProducts } from '../kernels/lagProducts.js';

export interface PopulationAutocorrelationOptions {
  /** Longest lag in seconds (rounded to whole sample intervals). */
  readonly maxLag: number;
  /** Ignore samples before this time, e.g. a transient (default: use all). */
  readonly from?: number;
}

export interface PopulationAutocorrelation {
  readonly variable: string;
  /** Lags in seconds, 0, Δt, 2Δt, … (Δt the sample interval). */
  readonly lags: Float64Array;
  /** Δ(τ) = ⟨x_i(t)·x_i(t + τ)⟩ averaged over the recorded neurons and all sample pairs τ apart (NaN for lags longer than the data). */
  readonly values: Float64Array;
  /** Samples used. */
  readonly samples: number;
}

/** Sample intervals may differ by this relative amount (rounding of step · dt) and still count as uniform. */
const INTERVAL_TOLERANCE = 1e-6;

/**
 * The population-averaged autocorrelation Δ(τ) of one state variable (Sompolinsky, Crisanti & Sommers 1988: the
 * autocorrelation of the local fields h), emitted once on completion. Samples must be uniformly spaced; the interval
 * is taken from the first two and every later one is checked. Means are not subtracted (Δ is the raw second moment).
 * Streaming with a ring of maxLag + 1 samples (`lagProducts`), so memory is bounded and the result is bit-identical
 * for every chunking.
 *
 * @example
 * ```ts
 * const delta = await lastValueFrom(frames$.pipe(populationAutocorrelation('h', { maxLag: 20 })));
 * ```
 * @param variable the recorded state variable (frames of other variables and spike frames are ignored)
 * @param options longest lag and the time before which samples are ignored
 * @returns an operator emitting one `PopulationAutocorrelation`
 */
export function populationAutocorrelation(variable: string, options: PopulationAutocorrelationOptions): OperatorFunction<Frame, PopulationAutocorrelation> {
  const { maxLag } = options;
  const from = options.from ?? -Infinity;
  if (!(maxLag >= 0 && Number.isFinite(maxLag))) throw invalidParameter('populationAutocorrelation maxLag', maxLag, 'a finite lag ≥ 0 s');
  return (source) =>
    new Observable<PopulationAutocorrelation>((subscriber) => {
      let state: LagProducts | undefined;
      let first: { time: number; values: Float64Array } | undefined;
      let interval = NaN;
      let lastTime = NaN;
      let width = -1;

      const add = (frame: StateFrame): void => {
        if (width < 0) width = frame.neurons.length;
        if (frame.neurons.length !== width) {
          throw invalidParameter('populationAutocorrelation frame', `${frame.neurons.length} neurons`, `the ${width} neurons of the first frame`);
        }
        for (let s = 0; s < frame.times.length; s++) {
          const time = frame.times[s];
          if (time < from) continue;
          const sample = frame.values.subarray(s * width, (s + 1) * width);
          if (first === undefined) {
            first = { time, values: Float64Array.from(sample) };
            lastTime = time;
            continue;
          }
          if (state === undefined) {
            interval = time - first.time;
            if (!(interval > 0)) throw invalidParameter('populationAutocorrelation sample times', `${first.time} then ${time}`, 'increasing times');
            state = lagProducts(width, Math.round(maxLag / interval));
            addLagSamples(state, first.values, 1);
          } else if (Math.abs(time - lastTime - interval) > INTERVAL_TOLERANCE * interval) {
            throw invalidParameter('populationAutocorrelation sample interval', time - lastTime, `the uniform interval ${interval} s of the first samples`);
          }
          addLagSamples(state, sample, 1);
          lastTime = time;
        }
      };

      const subscription = source.subscribe({
        next(frame) {
          if (subscriber.closed || frame.kind !== 'state' || frame.variable !== variable) return;
          try {
            add(frame);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          if (state === undefined && first !== undefined) {
            // one sample: only the zero lag exists
            state = lagProducts(width, 0);
            addLagSamples(state, first.values, 1);
            interval = 0;
          }
          const values = state ? lagAutocorrelation(state) : new Float64Array(0);
          const lags = Float64Array.from(values, (_, lag) => lag * interval);
          subscriber.next({ variable, lags, values, samples: state ? state.samples : 0 });
          subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        state = undefined;
        first = undefined;
      };
    });
}
