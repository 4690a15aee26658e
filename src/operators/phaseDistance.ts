import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import type { StateFrame } from '../core/frame.js';
import type { LifPhaseMap } from '../kernels/lifPhaseMap.js';
import { lifPhaseDistances } from '../kernels/lifPhaseDistance.js';

/**
 * Samples of one state variable on two trajectories of the same network, taken at the same times:
 * `reference[s * neurons.length + k]` and `perturbed[...]` are neuron `neurons[k]` at `times[s]` on each.
 */
export interface StatePairFrame {
  readonly kind: 'state-pair';
  readonly variable: string;
  readonly t0: number;
  readonly t1: number;
  readonly times: Float64Array;
  readonly neurons: Int32Array;
  readonly reference: Float64Array;
  readonly perturbed: Float64Array;
}

/** The phase distance D_φ between two trajectories at each sample time of a pair frame. */
export interface DistanceFrame {
  readonly kind: 'distance';
  readonly t0: number;
  readonly t1: number;
  readonly times: Float64Array;
  /** ‖Δφ‖₂ over the sampled neurons, with circular phase differences. */
  readonly l2: Float64Array;
  /** Mean |Δφ| over the sampled neurons (the seed notebook's D_φ), with circular phase differences. */
  readonly meanAbs: Float64Array;
}

/**
 * Pairs two state frames of the same variable, times and neurons (e.g. from two replayed runs), for
 * {@link phaseDistance}: `zip(a$, b$).pipe(map(([a, b]) => pairStateFrames(a, b)), phaseDistance(map))`.
 */
export function pairStateFrames(reference: StateFrame, perturbed: StateFrame): StatePairFrame {
  if (reference.variable !== perturbed.variable) throw invalidParameter('pair variable', perturbed.variable, `the reference's variable ${reference.variable}`);
  const same = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => v === b[i]);
  if (!same(reference.times, perturbed.times)) throw invalidParameter('pair sample times', `${perturbed.times.length} samples from ${perturbed.t0} s`, `the reference's ${reference.times.length} samples from ${reference.t0} s`);
  if (!same(reference.neurons, perturbed.neurons)) throw invalidParameter('pair neurons', `${perturbed.neurons.length} neurons`, `the reference's ${reference.neurons.length} neurons, in the same order`);
  return {
    kind: 'state-pair',
    variable: reference.variable,
    t0: reference.t0,
    t1: reference.t1,
    times: reference.times,
    neurons: reference.neurons,
    reference: reference.values,
    perturbed: perturbed.values,
  };
}

/**
 * The phase distance D_φ(t) between two trajectories of a network of LIF neurons: for every sample of every pair
 * frame, the L2 norm and the mean absolute value of the circular phase differences min(|Δφ|, 1 − |Δφ|)
 * (Monteforte & Wolf 2010), so that one spike a step apart on the two trajectories is a small distance, not 1.
 * Each pair frame maps to one distance frame with the same times, so the result does not depend on how the
 * samples are chunked.
 *
 * @example
 * ```ts
 * const frames = await lastValueFrom(from(pairFrames(reference, perturbed, { duration: 0.2 })).pipe(phaseDistance(map), toArray()));
 * ```
 * @param map the phase map of the neurons (their drive, threshold, reset and τ_m)
 * @returns an operator from pair frames to distance frames; each emission owns fresh arrays
 */
export function phaseDistance(map: LifPhaseMap): OperatorFunction<StatePairFrame, DistanceFrame> {
  return (source) =>
    new Observable<DistanceFrame>((subscriber) =>
      source.subscribe({
        next(frame) {
          const samples = frame.times.length;
          const width = frame.neurons.length;
          if (frame.reference.length !== samples * width || frame.perturbed.length !== samples * width) {
            subscriber.error(
              invalidParameter('pair frame values', `${frame.reference.length} and ${frame.perturbed.length}`, `times × neurons = ${samples} × ${width} on both trajectories`),
            );
            return;
          }
          const l2 = new Float64Array(samples);
          const meanAbs = new Float64Array(samples);
          if (width > 0) lifPhaseDistances(map, frame.reference, frame.perturbed, width, l2, meanAbs);
          else meanAbs.fill(NaN);
          subscriber.next({ kind: 'distance', t0: frame.t0, t1: frame.t1, times: frame.times, l2, meanAbs });
        },
        error: (error) => subscriber.error(error),
        complete: () => subscriber.complete(),
      }),
    );
}
