import type { Engine } from '../core/engine.js';
import { invalidParameter } from '../core/errors.js';
import type { BalancedLifConfig } from '../models/balancedLif.js';
import { balancedLifDrive, balancedLifInitialState, balancedLifNetwork, balancedLifWeight } from '../models/balancedLif.js';
import { synapseCount, type Csr } from '../network/csr.js';
import { RandomStreams } from '../random/stream.js';
import { availableParallelism } from 'node:os';
import { ClockLifEngine, type ClockLifOptions } from './clockLif.js';
import { ParallelClockLifEngine, startLifThreads } from './parallelClockLif.js';
import { EventLifEngine } from './eventLif.js';

export interface BalancedLifSetup {
  readonly dt: number;
  readonly seed: number;
  /** Replaces the generated connectivity (e.g. another simulator's network). */
  readonly network?: Csr;
  /** Replaces the generated initial potentials. */
  readonly v0?: Float64Array;
  /** Threads of the clock engine; default all cores when the network has enough synapses to benefit. */
  readonly threads?: number;
  /** Clock-driven (Brian2's Euler schedule, the default) or exact event-driven (spike times off the grid). */
  readonly engine?: 'clock' | 'event';
  /** Replaces the drive √K·ν̄·J₀·τ_m (+V_T) of the model, e.g. by one tuned to a target rate. */
  readonly drive?: number;
}

/** Below this many synapses a step is too short for a cross-thread barrier to pay off. */
const PARALLEL_MIN_SYNAPSES = 2_000_000;

/** Threads for a clock run of a network with about `synapses` synapses: the requested count, or all cores for large networks and one otherwise. */
export function clockThreads(synapses: number, requested: number | undefined): number {
  if (requested !== undefined) return requested;
  return synapses >= PARALLEL_MIN_SYNAPSES ? availableParallelism() : 1;
}

/** Builds the network, initial state and (clock or event) engine of the balanced LIF model from its named random streams. */
export function createBalancedLifEngine(config: BalancedLifConfig, setup: BalancedLifSetup): Engine & { readonly csr: Csr } {
  if (!(setup.dt < config.tauM)) throw invalidParameter('dt', setup.dt, `less than tau-m = ${config.tauM} s`);
  const streams = new RandomStreams(setup.seed);
  // decided from the expected synapse count, so that the threads boot while the network is drawn
  const threads = setup.engine === 'event' ? 1 : clockThreads(setup.network ? synapseCount(setup.network) : config.size * config.inDegree, setup.threads);
  if (threads > 1) startLifThreads(Math.min(threads, config.size) - 1);
  const csr = setup.network ?? balancedLifNetwork(config, streams);
  if (csr.size !== config.size) throw invalidParameter('network', `${csr.size} neurons`, `N = ${config.size} neurons`);
  const v0 = setup.v0 ?? balancedLifInitialState(config, streams);
  if (v0.length !== config.size) throw invalidParameter('init', `${v0.length} rows`, `one row per neuron, N = ${config.size}`);
  const options: ClockLifOptions = {
    csr,
    v0,
    dt: setup.dt,
    tauM: config.tauM,
    drive: setup.drive ?? balancedLifDrive(config),
    threshold: config.threshold,
    reset: config.reset,
    weight: balancedLifWeight(config),
  };
  if (setup.engine === 'event') return Object.assign(new EventLifEngine(options), { csr });
  const engine = threads > 1 ? new ParallelClockLifEngine(options, threads) : new ClockLifEngine(options);
  return Object.assign(engine, { csr });
}
