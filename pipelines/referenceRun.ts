import { applyPhaseShift } from '../src/kernels/applyPhaseShift.js';
import { meanOf } from '../src/kernels/meanOf.js';
import { phaseResolution } from '../src/kernels/divergenceThreshold.js';
import { distanceTrace, recordTrajectory, runPair, type DistanceTrace, type RecordedTrajectory } from './pairRun.js';
import { perturbationDirection } from './perturbedRun.js';
import { settledState, studyEngine, unrelatedInitialState, type StudyNetwork } from './studyNetwork.js';

/**
 * Size of the probe perturbation: far inside any flux tube (components of order 1e-10 at N = 10⁴), so it decays
 * linearly; over a long run its distance reaches the resolution of double-precision phases, which the decision rule
 * takes as the floor of the decayed level (see divergenceThreshold).
 */
export const PROBE_EPS = 1e-8;

/** The probe's direction comes from its own stream, `perturbation/probe`, apart from the realizations 0, 1, … */
export const PROBE_REALIZATION = 'probe';

/** How every study decides decay or growth, for summaries and READMEs. */
export const DIVERGENCE_RULE =
  'a run diverged when its final L2 phase distance exceeds √(max(d(0)·G, 2⁻⁵²·√N)·d_unrelated): the geometric midpoint between the decayed level (an infinitesimal perturbation shrunk by the factor G measured with a probe of size 1e-8, but never below the resolution of double-precision phases) and the distance of unrelated states of this network';

export interface ReferenceRunOptions {
  /** Simulated seconds after the perturbation time. */
  readonly duration: number;
  /** Seconds between distance samples (default dt). */
  readonly every?: number;
  /** Record the reference trajectory on the sample grid (on a SharedArrayBuffer), for perturbed runs in workers. */
  readonly record?: boolean;
}

/** The settled state a study perturbs, and the two reference levels of perturbation outcomes on this network. */
export interface ReferenceRun {
  readonly settled: Float64Array;
  readonly reference?: RecordedTrajectory;
  /** D_φ(t) between the reference and an independent trajectory of the same network, on the sample grid. */
  readonly unrelated: DistanceTrace;
  /** Mean of `unrelated.l2` over the run: the L2 distance of unrelated states. */
  readonly unrelatedL2: number;
  /** Mean of `unrelated.meanAbs` over the run. */
  readonly unrelatedMeanAbs: number;
  /** D_φ(t) of a probe perturbation of size {@link PROBE_EPS}. */
  readonly probe: DistanceTrace;
  /** D(T)/D(0) of the probe: how much a perturbation that stays in its flux tube shrinks over the run. */
  readonly decayFactor: number;
  /** Number of neurons, for the resolution of phase distances. */
  readonly size: number;
}

/**
 * Settles the network from its `init` state, and an independent trajectory from the `unrelated-init` stream for
 * the same time; then measures, over `duration`, the two levels every perturbation outcome is judged against:
 * the distance of unrelated states (the reference against the independent trajectory) and the decay of an
 * infinitesimal perturbation (a probe of size {@link PROBE_EPS}). With `record`, the reference is kept on the
 * sample grid so perturbed runs elsewhere can be compared with it without simulating it again.
 */
export async function referenceRun(network: StudyNetwork, options: ReferenceRunOptions): Promise<ReferenceRun> {
  const settled = await settledState(network);
  const unrelatedStart = await settledState(network, unrelatedInitialState(network));
  const probeStart = new Float64Array(settled.length);
  const shift = perturbationDirection(network.seed, PROBE_REALIZATION, settled.length);
  for (let i = 0; i < shift.length; i++) shift[i] *= PROBE_EPS;
  applyPhaseShift(network.phase, settled, shift, probeStart);

  const pairOptions = { duration: options.duration, every: options.every, phase: network.phase };
  const against = async (start: Float64Array, reference: RecordedTrajectory | undefined) =>
    distanceTrace(runPair(reference ?? studyEngine(network, settled), studyEngine(network, start), pairOptions));
  const reference = options.record ? recordTrajectory(studyEngine(network, settled), { ...pairOptions, shared: true }) : undefined;
  const unrelated = await against(unrelatedStart, reference);
  const probe = await against(probeStart, reference);
  return {
    settled,
    reference,
    unrelated,
    unrelatedL2: meanOf(unrelated.l2),
    unrelatedMeanAbs: meanOf(unrelated.meanAbs),
    probe,
    decayFactor: probe.l2[probe.l2.length - 1] / probe.l2[0],
    size: settled.length,
  };
}

/** Summary fields of the two reference levels. */
export function describeReferenceRun(reference: ReferenceRun, duration: number): Record<string, unknown> {
  return {
    unrelated_l2: reference.unrelatedL2,
    unrelated_mean_abs: reference.unrelatedMeanAbs,
    probe_eps: PROBE_EPS,
    probe_decay_factor: reference.decayFactor,
    // a floor, not a rate, when the probe decayed to the phase resolution (its final distance is then ≈ 2⁻⁵²·√N)
    probe_decay_rate_per_s: -Math.log(reference.decayFactor) / duration,
    probe_final_l2: reference.probe.l2[reference.probe.l2.length - 1],
    phase_resolution_l2: phaseResolution(reference.size),
  };
}
