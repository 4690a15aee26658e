import { meanOf } from '../src/kernels/meanOf.js';
import { distanceTrace, recordTrajectory, runPair, type DistanceTrace, type RecordedTrajectory } from './pairRun.js';
import { settledState, studyEngine, unrelatedInitialState, type StudyNetwork } from './studyNetwork.js';

export interface ReferenceRunOptions {
  /** Simulated seconds after the perturbation time. */
  readonly duration: number;
  /** Seconds between distance samples (default dt). */
  readonly every?: number;
  /** Record the reference trajectory on the sample grid (on a SharedArrayBuffer), for perturbed runs in workers. */
  readonly record?: boolean;
}

/** The settled state a study perturbs, and the scale of "unrelated" distances on this network. */
export interface ReferenceRun {
  readonly settled: Float64Array;
  readonly reference?: RecordedTrajectory;
  /** D_φ(t) between the reference and an independent trajectory of the same network, on the sample grid. */
  readonly unrelated: DistanceTrace;
  /** Mean of `unrelated.l2` over the run: the L2 distance of unrelated states. */
  readonly unrelatedL2: number;
  /** Mean of `unrelated.meanAbs` over the run. */
  readonly unrelatedMeanAbs: number;
}

/**
 * Settles the network from its `init` state, and an independent trajectory from the `unrelated-init` stream for
 * the same time; then runs both for `duration` side by side, measuring how far apart unrelated states of this
 * network are (the level a perturbation that leaves its flux tube grows to). With `record`, the reference is
 * kept on the sample grid so perturbed runs elsewhere can be compared with it without simulating it again.
 */
export async function referenceRun(network: StudyNetwork, options: ReferenceRunOptions): Promise<ReferenceRun> {
  const settled = await settledState(network);
  const unrelatedStart = await settledState(network, unrelatedInitialState(network));
  const pairOptions = { duration: options.duration, every: options.every, phase: network.phase };
  const other = studyEngine(network, unrelatedStart);
  let reference: RecordedTrajectory | undefined;
  let unrelated: DistanceTrace;
  if (options.record) {
    const engine = studyEngine(network, settled);
    reference = recordTrajectory(engine, { ...pairOptions, shared: true });
    unrelated = await distanceTrace(runPair(reference, other, pairOptions));
  } else {
    unrelated = await distanceTrace(runPair(studyEngine(network, settled), other, pairOptions));
  }
  return { settled, reference, unrelated, unrelatedL2: meanOf(unrelated.l2), unrelatedMeanAbs: meanOf(unrelated.meanAbs) };
}
