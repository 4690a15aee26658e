import type { Engine } from '../src/core/engine.js';
import { SpikeRecorder } from '../src/core/engine.js';
import { invalidParameter } from '../src/core/errors.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { runParams } from '../src/core/runParams.js';
import { stepsOf } from '../src/core/run.js';
import { createBalancedLifEngine } from '../src/engines/balancedLifEngine.js';
import { targetRateParam, tuneBalancedLifDrive, type DriveTuning } from '../src/engines/tuneBalancedLifDrive.js';
import { lifPhaseMap, type LifPhaseMap } from '../src/kernels/lifPhaseMap.js';
import { balancedLifConfig, balancedLifDrive, balancedLifInitialState, balancedLifNetwork, balancedLifParams, type BalancedLifConfig } from '../src/models/balancedLif.js';
import type { Csr } from '../src/network/csr.js';
import { defaultWorkers } from '../src/pool/pool.js';
import { RandomStreams } from '../src/random/stream.js';

const shared = (name: string) => runParams.find((spec) => spec.name === name) as ParamSpec;

/**
 * The network flags every stability study shares: the model's parameters as `run balanced-lif` has them, the step,
 * the seed, the engine, the drive tuning, the settling time and the worker count. Each study adds its own `T`.
 */
export const studyNetworkParams: readonly ParamSpec[] = [
  ...balancedLifParams,
  shared('dt'),
  shared('seed'),
  { name: 'engine', kind: 'string', choices: ['clock', 'event'], default: 'clock', description: 'clock-driven (Euler, Brian2 schedule) or exact event-driven engine' },
  targetRateParam,
  { name: 'settle', kind: 'number', dimension: 'time', min: 0, minInclusive: true, default: 1, displayUnit: 's', description: 'simulated time from the random initial state to the settled state that is perturbed' },
  { name: 'workers', kind: 'integer', min: 1, minInclusive: true, description: 'worker threads for independent runs (default: all cores)' },
];

/** The network a study perturbs: its model, connectivity, drive and phase map. */
export interface StudyNetwork {
  readonly config: BalancedLifConfig;
  readonly dt: number;
  readonly seed: number;
  readonly engine: 'clock' | 'event';
  readonly csr: Csr;
  /** The constant drive I: the model's, or the one tuned to `--target-rate`. */
  readonly drive: number;
  readonly tuning?: DriveTuning;
  readonly phase: LifPhaseMap;
  /** Simulated seconds of settling before a perturbation. */
  readonly settle: number;
  readonly workers: number;
}

/**
 * Builds the study network from the flags: validates them, generates the connectivity from the `connectivity`
 * stream and, with `--target-rate`, tunes the drive. Throws invalidParameter for a drive that leaves the free
 * neuron silent, for which the phase representation does not exist.
 */
export function studyNetwork(values: ParamValues): StudyNetwork {
  const config = balancedLifConfig(values);
  const dt = numberParam(values, 'dt');
  const seed = numberParam(values, 'seed');
  const settle = numberParam(values, 'settle');
  const engine = values.engine === 'event' ? 'event' : 'clock';
  if (!(dt < config.tauM)) throw invalidParameter('dt', dt, `less than tau-m = ${config.tauM} s`);
  stepsOf('settle', settle, dt);
  const workers = typeof values.workers === 'number' ? values.workers : defaultWorkers();
  const streams = new RandomStreams(seed);
  const csr = balancedLifNetwork(config, streams);
  const targetRate = values['target-rate'];
  const tuning =
    typeof targetRate === 'number'
      ? tuneBalancedLifDrive(config, { targetRate, dt, seed, network: csr, v0: balancedLifInitialState(config, streams), engine })
      : undefined;
  const drive = tuning?.drive ?? balancedLifDrive(config);
  if (!(drive > config.threshold)) {
    throw invalidParameter(
      'rheobase',
      config.rheobase,
      `a drive I above the threshold V_T = ${config.threshold} for the phase representation, found I = ${drive.toPrecision(6)} (use --rheobase 1 or --target-rate)`,
    );
  }
  const phase = lifPhaseMap({ tauM: config.tauM, drive, threshold: config.threshold, reset: config.reset });
  return { config, dt, seed, engine, csr, drive, tuning, phase, settle, workers };
}

/**
 * A single-threaded engine of the study network starting from `v0`. Studies run many independent trajectories,
 * so their parallelism is the worker pool; the multi-threaded clock engine's spinning barrier would only fight
 * the pool (and other processes) for the same cores.
 */
export function studyEngine(network: StudyNetwork, v0: Float64Array): Engine {
  const { config, dt, seed, csr, drive, engine } = network;
  return createBalancedLifEngine(config, { dt, seed, network: csr, v0, drive, engine, threads: 1 });
}

/** Initial potentials of an independent trajectory: uniform in [V_R, V_T) from the named stream `unrelated-init`. */
export function unrelatedInitialState(network: StudyNetwork): Float64Array {
  const { config, seed } = network;
  return new RandomStreams(seed).stream('unrelated-init').fillUniform(new Float64Array(config.size), config.reset, config.threshold);
}

/**
 * Runs the network from `v0` (default: the model's `init` state) for the settling time and returns the settled
 * potentials.
 */
export async function settledState(network: StudyNetwork, v0?: Float64Array): Promise<Float64Array> {
  const start = v0 ?? balancedLifInitialState(network.config, new RandomStreams(network.seed));
  const engine = studyEngine(network, start);
  try {
    advanceDiscardingSpikes(engine, stepsOf('settle', network.settle, network.dt));
    return Float64Array.from(engine.variable('V'));
  } finally {
    await engine.dispose?.();
  }
}

/** Advances `steps` steps, in slices so that no more than one slice of spikes is ever held. */
export function advanceDiscardingSpikes(engine: Engine, steps: number): void {
  const spikes = new SpikeRecorder();
  for (let done = 0; done < steps; ) {
    const slice = Math.min(1000, steps - done);
    engine.advance(slice, spikes);
    spikes.clear();
    done += slice;
  }
}

/** Summary fields describing the study network. */
export function describeStudyNetwork(network: StudyNetwork): Record<string, unknown> {
  const { config } = network;
  return {
    N: config.size,
    K: config.inDegree,
    seed: network.seed,
    dt: network.dt,
    engine: network.engine,
    settle: network.settle,
    drive: network.drive,
    ...(network.tuning ? { tuned_rate_hz: network.tuning.rate, tuning_runs: network.tuning.trials.length } : {}),
    free_period_s: network.phase.freePeriod,
    workers: network.workers,
  };
}
