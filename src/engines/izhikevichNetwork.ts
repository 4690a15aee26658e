import type { Engine, EngineState, SpikeRecorder } from '../core/engine.js';
import { invalidParameter } from '../core/errors.js';
import {
  IZHIKEVICH_PEAK,
  izhikevichColumns,
  izhikevichWeights,
  type IzhikevichColumns,
  type IzhikevichNetworkConfig,
} from '../models/izhikevich.js';
import { RandomStreams } from '../random/stream.js';
import { Xoshiro128, type Xoshiro128State } from '../random/xoshiro128.js';

/** The network's step: 1 ms, in seconds. */
export const IZHIKEVICH_DT = 1e-3;

/** Resting potential every neuron starts from (mV); u starts at b·v. */
const INITIAL_V = -65;

export interface IzhikevichNetworkOptions {
  /** Per-neuron a, b, c, d (copied). */
  readonly columns: IzhikevichColumns;
  /** Dense weights, presynaptic-major: `weights[pre · N + post]` is added to I of `post` when `pre` spikes. */
  readonly weights: Float64Array;
  /** Standard deviation of each neuron's thalamic input per step. */
  readonly noiseScale: Float64Array;
  /** Constant input of each neuron. */
  readonly drive: Float64Array;
  /** Generator of the thalamic noise (seeded from the run's `noise` stream). */
  readonly noise: Xoshiro128;
  /** Initial membrane potentials in mV (default −65 for all); u starts at b·v. */
  readonly v0?: Float64Array;
}

/**
 * A network of Izhikevich neurons with dense instantaneous synapses, stepped as in Izhikevich (2003) with 1 ms steps.
 * Units are the model's own: v in mV, u and I in mV/ms; spike times and `dt` are in seconds.
 *
 * Step k (from t = k ms to k + 1 ms) does, in this order:
 * 1. I_i ← drive_i + noiseScale_i·ξ_i, with ξ_0 … ξ_{N−1} standard normals drawn in neuron order from the noise stream;
 * 2. for every neuron j that spiked in step k − 1: I_i += W[j, i] for all i (a spike acts on the others' input in
 *    the next step, once);
 * 3. v ← v + 0.5·(0.04v² + 5v + 140 − u + I), twice (two 0.5 ms forward-Euler half-steps for numerical stability,
 *    both with the same u and I);
 * 4. u ← u + a·(b·v − u), once, with the v after both half-steps (1 ms forward Euler);
 * 5. every neuron with v ≥ 30 mV spikes: it is recorded at time k·dt, then v ← c and u ← u + d.
 *
 * After step k, `variable('I')` holds the input used in step k, and v and u are the state at time (k + 1) ms.
 */
export class IzhikevichNetworkEngine implements Engine {
  readonly size: number;
  readonly dt = IZHIKEVICH_DT;
  readonly variables = ['v', 'u', 'I'] as const;
  step = 0;
  private readonly v: Float64Array;
  private readonly u: Float64Array;
  private readonly I: Float64Array;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly c: Float64Array;
  private readonly d: Float64Array;
  private readonly weights: Float64Array;
  private readonly noiseScale: Float64Array;
  private readonly drive: Float64Array;
  private readonly normals: Float64Array;
  /** Neurons that spiked in the latest step, `firedCount` of them: delivered at the start of the next step. */
  private readonly fired: Int32Array;
  private firedCount = 0;
  private noise: Xoshiro128;

  constructor(options: IzhikevichNetworkOptions) {
    const { columns } = options;
    const size = columns.a.length;
    for (const [name, column] of Object.entries({ ...columns, noiseScale: options.noiseScale, drive: options.drive })) {
      if (column.length !== size) throw invalidParameter(name, `${column.length} values`, `${size} values, one per neuron`);
    }
    if (options.weights.length !== size * size) {
      throw invalidParameter('weights', `${options.weights.length} values`, `N² = ${size * size} values for N = ${size}`);
    }
    if (options.v0 && options.v0.length !== size) throw invalidParameter('v0', `${options.v0.length} values`, `${size} values, one per neuron`);
    this.size = size;
    this.a = Float64Array.from(columns.a);
    this.b = Float64Array.from(columns.b);
    this.c = Float64Array.from(columns.c);
    this.d = Float64Array.from(columns.d);
    this.weights = options.weights;
    this.noiseScale = Float64Array.from(options.noiseScale);
    this.drive = Float64Array.from(options.drive);
    this.noise = options.noise;
    this.v = options.v0 ? Float64Array.from(options.v0) : new Float64Array(size).fill(INITIAL_V);
    this.u = new Float64Array(size);
    for (let i = 0; i < size; i++) this.u[i] = this.b[i] * this.v[i];
    this.I = new Float64Array(size);
    this.normals = new Float64Array(size);
    this.fired = new Int32Array(size);
  }

  variable(name: string): Float64Array {
    switch (name) {
      case 'v':
        return this.v;
      case 'u':
        return this.u;
      case 'I':
        return this.I;
      default:
        throw invalidParameter('record', name, `a variable of the Izhikevich network: ${this.variables.join(', ')}`);
    }
  }

  advance(steps: number, spikes: SpikeRecorder): void {
    const { size, v, u, I, a, b, c, d, weights, noiseScale, drive, normals, fired } = this;
    const end = this.step + steps;
    let firedCount = this.firedCount;
    for (let step = this.step; step < end; step++) {
      this.noise.fillNormal(normals);
      for (let i = 0; i < size; i++) I[i] = drive[i] + noiseScale[i] * normals[i];
      for (let s = 0; s < firedCount; s++) {
        const row = fired[s] * size;
        for (let i = 0; i < size; i++) I[i] += weights[row + i];
      }
      firedCount = 0;
      for (let i = 0; i < size; i++) {
        const ui = u[i];
        const Ii = I[i];
        let vi = v[i];
        // the terms in Izhikevich's order, so results match his code to the last bit given the same inputs
        vi += 0.5 * (0.04 * vi * vi + 5 * vi + 140 - ui + Ii);
        vi += 0.5 * (0.04 * vi * vi + 5 * vi + 140 - ui + Ii);
        const un = ui + a[i] * (b[i] * vi - ui);
        if (vi >= IZHIKEVICH_PEAK) {
          fired[firedCount++] = i;
          v[i] = c[i];
          u[i] = un + d[i];
        } else {
          v[i] = vi;
          u[i] = un;
        }
      }
      spikes.appendStep(fired, firedCount, step);
    }
    this.firedCount = firedCount;
    this.step = end;
  }

  saveState(): EngineState {
    return {
      step: this.step,
      arrays: { v: Float64Array.from(this.v), u: Float64Array.from(this.u), I: Float64Array.from(this.I), fired: this.fired.slice(0, this.firedCount) },
      values: { noise: this.noise.saveState() },
    };
  }

  restoreState(state: EngineState): void {
    const fired = state.arrays.fired as Int32Array;
    for (const name of ['v', 'u', 'I'] as const) {
      const saved = state.arrays[name];
      if (!saved || saved.length !== this.size) throw invalidParameter(`state ${name}`, `${saved?.length ?? 0} values`, `${this.size} values, one per neuron`);
    }
    this.v.set(state.arrays.v);
    this.u.set(state.arrays.u);
    this.I.set(state.arrays.I);
    this.fired.set(fired);
    this.firedCount = fired.length;
    this.noise = Xoshiro128.fromState(state.values.noise as Xoshiro128State);
    this.step = state.step;
  }
}

export interface IzhikevichNetworkSetup {
  readonly seed: number;
}

/**
 * Builds the network of a configuration from the run's named streams: parameters from `heterogeneity`, weights
 * from `connectivity`, thalamic noise from `noise`. Neurons 0 … NE−1 are excitatory, NE … N−1 inhibitory.
 */
export function createIzhikevichNetwork(config: IzhikevichNetworkConfig, setup: IzhikevichNetworkSetup): IzhikevichNetworkEngine {
  const streams = new RandomStreams(setup.seed);
  const size = config.excitatory + config.inhibitory;
  const noiseScale = new Float64Array(size).fill(config.noiseE, 0, config.excitatory).fill(config.noiseI, config.excitatory);
  const drive = new Float64Array(size).fill(config.driveE, 0, config.excitatory).fill(config.driveI, config.excitatory);
  return new IzhikevichNetworkEngine({
    columns: izhikevichColumns(config, streams),
    weights: izhikevichWeights(config, streams),
    noiseScale,
    drive,
    noise: Xoshiro128.fromStream(streams.stream('noise')),
  });
}
