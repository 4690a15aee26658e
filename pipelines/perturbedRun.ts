import { stepsOf } from '../src/core/run.js';
import { applyPhaseShift } from '../src/kernels/applyPhaseShift.js';
import { normaliseInPlace } from '../src/kernels/normaliseInPlace.js';
import type { Csr } from '../src/network/csr.js';
import { shareTypedArray } from '../src/pool/pool.js';
import { RandomStreams } from '../src/random/stream.js';
import { distanceTrace, runPair, type RecordedTrajectory } from './pairRun.js';
import { advanceDiscardingSpikes, studyEngine, type StudyNetwork } from './studyNetwork.js';

/**
 * Everything a perturbed run needs besides its task, sent once to every worker: the study network (its CSR and the
 * large arrays on SharedArrayBuffers), the settled state, and either a recorded reference to measure D_φ(t)
 * against, or a plane of two directions for flux-tube maps.
 */
export interface PerturbedRunShared {
  readonly network: StudyNetwork;
  readonly settled: Float64Array;
  /** Simulated seconds after the perturbation. */
  readonly duration: number;
  readonly reference?: RecordedTrajectory;
  /** Two orthonormal phase-space directions p and q, concatenated (2N values). */
  readonly plane?: Float64Array;
}

/** Realization k of a perturbation of size ε along the direction drawn from the stream `perturbation/<k>`. */
export interface DirectionTask {
  readonly realization: number;
  readonly eps: number;
}

/** The point a·p + b·q of the plane of initial conditions. */
export interface PlaneTask {
  readonly a: number;
  readonly b: number;
}

export type PerturbedRunTask = DirectionTask | PlaneTask;

export interface PerturbedRunResult {
  /** Neurons whose perturbed phase was clamped below the threshold. */
  readonly clamped: number;
  /** D_φ(t) against the reference on its sample grid (with a recorded reference). */
  readonly l2?: Float64Array;
  readonly meanAbs?: Float64Array;
  /** The potentials at the end of the run (without a reference). */
  readonly final?: Float64Array;
}

/**
 * The unit-norm Gaussian direction of realization k in phase space, from the named stream `perturbation/<k>` of
 * the run's seed: the same direction for every ε and whatever else the run draws.
 */
export function perturbationDirection(seed: number, realization: number | string, size: number): Float64Array {
  const direction = new RandomStreams(seed).stream(`perturbation/${realization}`).fillNormal(new Float64Array(size));
  normaliseInPlace(direction);
  return direction;
}

/** Moves the network's arrays onto SharedArrayBuffers, so workers share one copy. */
export function shareStudyNetwork(network: StudyNetwork): StudyNetwork {
  const csr: Csr = {
    size: network.csr.size,
    offsets: shareTypedArray(network.csr.offsets),
    targets: shareTypedArray(network.csr.targets),
    ...(network.csr.weights ? { weights: shareTypedArray(network.csr.weights) } : {}),
  };
  // the drive tuning's trial list is not needed by workers
  return { ...network, csr, tuning: undefined };
}

/** The phase shift of a task: ε·r for a direction task, a·p + b·q for a plane task. */
function phaseShift(shared: PerturbedRunShared, task: PerturbedRunTask): Float64Array {
  const size = shared.network.config.size;
  if ('realization' in task) {
    const shift = perturbationDirection(shared.network.seed, task.realization, size);
    for (let i = 0; i < size; i++) shift[i] *= task.eps;
    return shift;
  }
  const plane = shared.plane;
  if (!plane || plane.length !== 2 * size) throw new Error('perturbedRun: a plane task needs the shared plane of two directions');
  const shift = new Float64Array(size);
  for (let i = 0; i < size; i++) shift[i] = task.a * plane[i] + task.b * plane[size + i];
  return shift;
}

/**
 * One perturbed run: shifts the settled state in phase space, simulates `duration`, and returns D_φ(t) against the
 * recorded reference, or the final state when there is none. Deterministic in (shared, task) alone, so results
 * never depend on which worker runs it.
 */
export async function perturbedRun(shared: PerturbedRunShared, task: PerturbedRunTask): Promise<PerturbedRunResult> {
  const { network, settled } = shared;
  const start = new Float64Array(settled.length);
  const clamped = applyPhaseShift(network.phase, settled, phaseShift(shared, task), start);
  const engine = studyEngine(network, start);
  try {
    if (shared.reference) {
      const every = shared.reference.everySteps * network.dt;
      const trace = await distanceTrace(runPair(shared.reference, engine, { duration: shared.duration, every, phase: network.phase }));
      return { clamped, l2: trace.l2, meanAbs: trace.meanAbs };
    }
    advanceDiscardingSpikes(engine, stepsOf('T', shared.duration, network.dt));
    return { clamped, final: Float64Array.from(engine.variable('V')) };
  } finally {
    await engine.dispose?.();
  }
}
