import type { Engine, EngineState, SpikeRecorder } from '../core/engine.js';
import { invalidParameter } from '../core/errors.js';
import type { BinaryBalancedConfig, BinaryConnectivity } from '../models/binaryBalanced.js';
import { binaryBalance, binaryConnectivity } from '../models/binaryBalanced.js';
import type { Csr } from '../network/csr.js';
import { RandomStream, RandomStreams, type RandomStreamState } from '../random/stream.js';

export interface BinaryBalancedEngineOptions {
  readonly config: BinaryBalancedConfig;
  /** Sampling grid in seconds: state can be read every dt; the dynamics are in continuous time and never see it. */
  readonly dt: number;
  /** Master seed of the named streams (a string for derived seeds). */
  readonly seed: number | string;
  /** Connectivity to use instead of drawing it from the `connectivity` stream. */
  readonly connectivity?: BinaryConnectivity;
  /**
   * Probability that a unit starts active, per population (default: the balance solution, kept inside
   * [0.05, 0.95]); drawn from the `init` stream.
   */
  readonly initialActivity?: readonly [number, number];
}

/**
 * The balanced binary network of van Vreeswijk & Sompolinsky (see `binaryBalancedParams`), updated asynchronously
 * in continuous time. Unit i of population k re-evaluates σ_i = Θ(u_i) at the events of its own Poisson clock of
 * rate 1/τ_k. The N clocks are simulated exactly as one superposed Poisson process of rate R = N_E/τ_E + N_I/τ_I
 * whose every event belongs to population k with probability (N_k/τ_k)/R and then to a uniformly chosen unit of it
 * (superposition and thinning of Poisson processes): events are processed strictly in time order, with the same law
 * as a priority queue of N next-update times, at O(1) cost per event. All draws come from the `updates` stream.
 *
 * Inputs are kept exactly as integer counts of active excitatory and inhibitory inputs per unit (all couplings of one
 * population pair are equal), so no rounding accumulates however long the run. A 0 → 1 transition is emitted as a
 * spike at its exact time. Variables: `sigma` (0 or 1), `excitatory` (J_kE·n_E/√K + √K·E_k·m0), `inhibitory`
 * (J_kI·n_I/√K, negative) and `input` (their sum − θ_k, the u whose sign sets σ), the last three computed when read.
 */
export class BinaryBalancedEngine implements Engine {
  readonly size: number;
  readonly dt: number;
  readonly variables = ['sigma', 'excitatory', 'inhibitory', 'input'] as const;
  readonly config: BinaryBalancedConfig;
  readonly connectivity: BinaryConnectivity;
  step = 0;
  private readonly sigma: Float64Array;
  private readonly activeE: Int32Array;
  private readonly activeI: Int32Array;
  private readonly readout: Float64Array;
  private readonly seed: number | string;
  private updates: RandomStream;
  /** Time of the next update event in seconds. */
  private nextEvent: number;
  /** Probability that an event belongs to the excitatory population, and the total event rate. */
  private readonly shareE: number;
  private readonly totalRate: number;
  private updatesDone = 0;

  constructor(options: BinaryBalancedEngineOptions) {
    const { config, dt, seed } = options;
    if (!(dt > 0 && Number.isFinite(dt))) throw invalidParameter('dt', dt, 'a positive finite sampling interval');
    const { excitatory: nE, inhibitory: nI } = config;
    const streams = new RandomStreams(seed);
    this.config = config;
    this.dt = dt;
    this.seed = seed;
    this.size = nE + nI;
    this.connectivity = options.connectivity ?? binaryConnectivity(config, streams.stream('connectivity'));
    checkConnectivity(this.connectivity, nE, nI);
    this.sigma = new Float64Array(this.size);
    this.activeE = new Int32Array(this.size);
    this.activeI = new Int32Array(this.size);
    this.readout = new Float64Array(this.size);
    const balance = binaryBalance(config);
    const clamp = (m: number) => Math.min(0.95, Math.max(0.05, m));
    const [startE, startI] = options.initialActivity ?? [clamp(balance.mE), clamp(balance.mI)];
    const init = streams.stream('init');
    for (let i = 0; i < nE; i++) this.sigma[i] = init.uniform() < startE ? 1 : 0;
    for (let i = nE; i < this.size; i++) this.sigma[i] = init.uniform() < startI ? 1 : 0;
    this.countActiveInputs();
    const rateE = nE / config.tauE;
    const rateI = nI / config.tauI;
    this.totalRate = rateE + rateI;
    this.shareE = rateE / this.totalRate;
    this.updates = streams.stream('updates');
    this.nextEvent = this.waitingTime();
  }

  /** Update events processed so far. */
  get updateCount(): number {
    return this.updatesDone;
  }

  variable(name: string): Float64Array {
    switch (name) {
      case 'sigma':
        return this.sigma;
      case 'excitatory':
        this.fillExcitatory(this.readout);
        return this.readout;
      case 'inhibitory':
        this.fillInhibitory(this.readout);
        return this.readout;
      case 'input':
        this.fillInput(this.readout);
        return this.readout;
      default:
        throw invalidParameter('record', name, 'a variable of the binary network: sigma, excitatory, inhibitory, input');
    }
  }

  advance(steps: number, spikes: SpikeRecorder): void {
    const { config, sigma, activeE, activeI, updates, shareE, dt } = this;
    const { excitatory: nE, inhibitory: nI } = config;
    const { eToE, eToI, iToE, iToI } = this.connectivity;
    const root = Math.sqrt(config.K);
    // u = (J_kE·n_E + J_kI·n_I)/√K + √K·E_k·m0 − θ_k with J_EE = J_IE = 1, J_EI = −J_E, J_II = −J_I.
    const scale = 1 / root;
    const inhibitionE = -config.JE * scale;
    const inhibitionI = -config.JI * scale;
    const offsetE = root * config.externalE * config.m0 - config.thetaE;
    const offsetI = root * config.externalI * config.m0 - config.thetaI;
    const end = this.step + steps;
    const endTime = end * dt;
    let time = this.nextEvent;
    let events = 0;
    while (time < endTime) {
      events++;
      if (updates.uniform() < shareE) {
        const i = updates.integer(nE);
        const active = activeE[i] * scale + activeI[i] * inhibitionE + offsetE > 0 ? 1 : 0;
        if (active !== sigma[i]) {
          sigma[i] = active;
          const change = active === 1 ? 1 : -1;
          deliver(eToE, i, activeE, 0, change);
          deliver(eToI, i, activeE, nE, change);
          if (active === 1) spikes.appendOne(i, time / dt);
        }
      } else {
        const j = updates.integer(nI);
        const i = nE + j;
        const active = activeE[i] * scale + activeI[i] * inhibitionI + offsetI > 0 ? 1 : 0;
        if (active !== sigma[i]) {
          sigma[i] = active;
          const change = active === 1 ? 1 : -1;
          deliver(iToE, j, activeI, 0, change);
          deliver(iToI, j, activeI, nE, change);
          if (active === 1) spikes.appendOne(i, time / dt);
        }
      }
      time += this.waitingTime();
    }
    this.nextEvent = time;
    this.updatesDone += events;
    this.step = end;
  }

  private waitingTime(): number {
    // 1 − U lies in (0, 1], so the logarithm is finite.
    return -Math.log(1 - this.updates.uniform()) / this.totalRate;
  }

  private countActiveInputs(): void {
    const { sigma, activeE, activeI } = this;
    const nE = this.config.excitatory;
    const { eToE, eToI, iToE, iToI } = this.connectivity;
    activeE.fill(0);
    activeI.fill(0);
    for (let i = 0; i < nE; i++) {
      if (sigma[i] === 0) continue;
      deliver(eToE, i, activeE, 0, 1);
      deliver(eToI, i, activeE, nE, 1);
    }
    for (let j = 0; j < this.config.inhibitory; j++) {
      if (sigma[nE + j] === 0) continue;
      deliver(iToE, j, activeI, 0, 1);
      deliver(iToI, j, activeI, nE, 1);
    }
  }

  private fillExcitatory(out: Float64Array): void {
    const { config, activeE } = this;
    const root = Math.sqrt(config.K);
    const nE = config.excitatory;
    const externalE = root * config.externalE * config.m0;
    const externalI = root * config.externalI * config.m0;
    for (let i = 0; i < nE; i++) out[i] = activeE[i] / root + externalE;
    for (let i = nE; i < this.size; i++) out[i] = activeE[i] / root + externalI;
  }

  private fillInhibitory(out: Float64Array): void {
    const { config, activeI } = this;
    const root = Math.sqrt(config.K);
    const nE = config.excitatory;
    for (let i = 0; i < nE; i++) out[i] = (-config.JE * activeI[i]) / root;
    for (let i = nE; i < this.size; i++) out[i] = (-config.JI * activeI[i]) / root;
  }

  private fillInput(out: Float64Array): void {
    const { config, activeE, activeI } = this;
    const root = Math.sqrt(config.K);
    const scale = 1 / root;
    const nE = config.excitatory;
    const inhibitionE = -config.JE * scale;
    const inhibitionI = -config.JI * scale;
    const offsetE = root * config.externalE * config.m0 - config.thetaE;
    const offsetI = root * config.externalI * config.m0 - config.thetaI;
    // the same expression, in the same order, as the update rule, so sign(input) is exactly the state it implies
    for (let i = 0; i < nE; i++) out[i] = activeE[i] * scale + activeI[i] * inhibitionE + offsetE;
    for (let i = nE; i < this.size; i++) out[i] = activeE[i] * scale + activeI[i] * inhibitionI + offsetI;
  }

  saveState(): EngineState {
    return {
      step: this.step,
      arrays: { sigma: Float64Array.from(this.sigma) },
      values: { updates: this.updates.saveState(), nextEvent: this.nextEvent, updatesDone: this.updatesDone },
    };
  }

  restoreState(state: EngineState): void {
    this.sigma.set(state.arrays.sigma as Float64Array);
    this.countActiveInputs();
    this.updates = new RandomStream(this.seed, 'updates', state.values.updates as RandomStreamState);
    this.nextEvent = state.values.nextEvent as number;
    this.updatesDone = state.values.updatesDone as number;
    this.step = state.step;
  }
}

/** Adds `change` to the count of every target of `pre`, targets offset by `base` (0 for E, N_E for I targets). */
function deliver(csr: Csr, pre: number, counts: Int32Array, base: number, change: number): void {
  const targets = csr.targets;
  const last = csr.offsets[pre + 1];
  for (let k = csr.offsets[pre]; k < last; k++) counts[base + targets[k]] += change;
}

function checkConnectivity(connectivity: BinaryConnectivity, nE: number, nI: number): void {
  const expected: [string, Csr, number][] = [
    ['E → E', connectivity.eToE, nE],
    ['E → I', connectivity.eToI, nE],
    ['I → E', connectivity.iToE, nI],
    ['I → I', connectivity.iToI, nI],
  ];
  for (const [name, csr, size] of expected) {
    if (csr.size !== size) throw invalidParameter(`connectivity ${name}`, `${csr.size} presynaptic units`, `${size}`);
  }
}
