import type { Engine, EngineState, SpikeRecorder, StepProbe } from '../core/engine.js';
import { invalidParameter } from '../core/errors.js';
import type { Csr } from '../network/csr.js';

export interface ClockLifOptions {
  readonly csr: Csr;
  /** Initial membrane potentials, one per neuron (copied). */
  readonly v0: Float64Array;
  readonly dt: number;
  readonly tauM: number;
  /** Constant drive I in dV/dt = (I − V)/τ_m. */
  readonly drive: number;
  readonly threshold: number;
  readonly reset: number;
  /** Added to each target's V per presynaptic spike, used when the CSR has no per-synapse weights. */
  readonly weight: number;
}

const NO_PROBES: readonly StepProbe[] = [];

/** Copies the probed neurons' potentials at the start of `step`, for the probes due then. */
function sampleProbes(V: Float64Array, probes: readonly StepProbe[], step: number): void {
  for (let p = 0; p < probes.length; p++) {
    const probe = probes[p];
    if (step >= probe.endStep || step % probe.everySteps !== 0) continue;
    const neurons = probe.neurons;
    const base = probe.filled * neurons.length;
    for (let k = 0; k < neurons.length; k++) probe.values[base + k] = V[neurons[k]];
    probe.filled++;
  }
}

/**
 * Clock-driven leaky integrate-and-fire network with delta synapses, in the update order of Brian2's default
 * schedule: forward-Euler update, threshold test, delivery of this step's spikes within the step, reset.
 */
export class ClockLifEngine implements Engine {
  readonly size: number;
  readonly dt: number;
  readonly variables = ['V'] as const;
  step = 0;
  private readonly V: Float64Array;
  private readonly spiking: Int32Array;
  private readonly options: ClockLifOptions;

  constructor(options: ClockLifOptions) {
    const { csr, v0 } = options;
    if (v0.length !== csr.size) throw invalidParameter('init', `${v0.length} values`, `${csr.size} values, one per neuron`);
    this.options = options;
    this.size = csr.size;
    this.dt = options.dt;
    this.V = Float64Array.from(v0);
    this.spiking = new Int32Array(csr.size);
  }

  variable(name: string): Float64Array {
    if (name !== 'V') throw invalidParameter('record', name, 'a variable of this model: V');
    return this.V;
  }

  advance(steps: number, spikes: SpikeRecorder): void {
    this.advanceProbed(steps, spikes, NO_PROBES);
  }

  advanceProbed(steps: number, spikes: SpikeRecorder, probes: readonly StepProbe[]): void {
    for (const probe of probes) if (probe.variable !== 'V') throw invalidParameter('record', probe.variable, 'a variable of this model: V');
    if (this.options.csr.weights) this.advanceWeighted(steps, spikes, probes);
    else this.advanceUniform(steps, spikes, probes);
  }

  private advanceUniform(steps: number, spikes: SpikeRecorder, probes: readonly StepProbe[]): void {
    const { csr, drive, threshold, reset, weight } = this.options;
    const V = this.V;
    const spiking = this.spiking;
    const offsets = csr.offsets;
    const targets = csr.targets;
    const size = this.size;
    const rate = this.dt / this.options.tauM;
    const end = this.step + steps;
    for (let step = this.step; step < end; step++) {
      if (probes.length > 0) sampleProbes(V, probes, step);
      let count = 0;
      for (let i = 0; i < size; i++) {
        const v = V[i] + rate * (drive - V[i]);
        V[i] = v;
        if (v >= threshold) spiking[count++] = i;
      }
      if (count === 0) continue;
      for (let s = 0; s < count; s++) {
        const pre = spiking[s];
        const last = offsets[pre + 1];
        for (let k = offsets[pre]; k < last; k++) V[targets[k]] += weight;
      }
      for (let s = 0; s < count; s++) V[spiking[s]] = reset;
      spikes.appendStep(spiking, count, step);
    }
    this.step = end;
  }

  private advanceWeighted(steps: number, spikes: SpikeRecorder, probes: readonly StepProbe[]): void {
    const { csr, drive, threshold, reset } = this.options;
    const V = this.V;
    const spiking = this.spiking;
    const offsets = csr.offsets;
    const targets = csr.targets;
    const weights = csr.weights as Float64Array;
    const size = this.size;
    const rate = this.dt / this.options.tauM;
    const end = this.step + steps;
    for (let step = this.step; step < end; step++) {
      if (probes.length > 0) sampleProbes(V, probes, step);
      let count = 0;
      for (let i = 0; i < size; i++) {
        const v = V[i] + rate * (drive - V[i]);
        V[i] = v;
        if (v >= threshold) spiking[count++] = i;
      }
      if (count === 0) continue;
      for (let s = 0; s < count; s++) {
        const pre = spiking[s];
        const last = offsets[pre + 1];
        for (let k = offsets[pre]; k < last; k++) V[targets[k]] += weights[k];
      }
      for (let s = 0; s < count; s++) V[spiking[s]] = reset;
      spikes.appendStep(spiking, count, step);
    }
    this.step = end;
  }

  saveState(): EngineState {
    return { step: this.step, arrays: { V: Float64Array.from(this.V) }, values: {} };
  }

  restoreState(state: EngineState): void {
    this.V.set(state.arrays.V as Float64Array);
    this.step = state.step;
  }
}
