import type { Engine } from '../core/engine.js';
import { invalidParameter } from '../core/errors.js';
import type { BalancedLifConfig } from '../models/balancedLif.js';
import { balancedLifDrive, balancedLifInitialState, balancedLifNetwork, balancedLifWeight } from '../models/balancedLif.js';
import type { Csr } from '../network/csr.js';
import { RandomStreams } from '../random/stream.js';
import { ClockLifEngine } from './clockLif.js';

export interface BalancedLifSetup {
  readonly dt: number;
  readonly seed: number;
  /** Replaces the generated connectivity (e.g. another simulator's network). */
  readonly network?: Csr;
  /** Replaces the generated initial potentials. */
  readonly v0?: Float64Array;
}

/** Builds the network, initial state and clock engine of the balanced LIF model from its named random streams. */
export function createBalancedLifEngine(config: BalancedLifConfig, setup: BalancedLifSetup): Engine & { readonly csr: Csr } {
  if (!(setup.dt < config.tauM)) throw invalidParameter('dt', setup.dt, `less than tau-m = ${config.tauM} s`);
  const streams = new RandomStreams(setup.seed);
  const csr = setup.network ?? balancedLifNetwork(config, streams);
  if (csr.size !== config.size) throw invalidParameter('network', `${csr.size} neurons`, `N = ${config.size} neurons`);
  const v0 = setup.v0 ?? balancedLifInitialState(config, streams);
  if (v0.length !== config.size) throw invalidParameter('init', `${v0.length} rows`, `one row per neuron, N = ${config.size}`);
  const engine = new ClockLifEngine({
    csr,
    v0,
    dt: setup.dt,
    tauM: config.tauM,
    drive: balancedLifDrive(config),
    threshold: config.threshold,
    reset: config.reset,
    weight: balancedLifWeight(config),
  });
  return Object.assign(engine, { csr });
}
