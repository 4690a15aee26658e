import type { Engine, EngineState, SpikeRecorder, StepProbe } from '../core/engine.js';
import { invalidParameter } from '../core/errors.js';
import type { Csr } from '../network/csr.js';
import { instantiateLifClock, lifDelivery, type LifClockKernel } from '../kernels/lifClockWasm.js';
import { wasmArena } from '../kernels/wasmArena.js';

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
  /**
   * Run the step in WebAssembly (default true): two neurons per instruction in the update and no bounds checks in
   * delivery, bit-identical to the JavaScript loops. The JavaScript loops run instead when this is false or when
   * the network does not fit wasm32's 4 GiB.
   */
  readonly wasm?: boolean;
}

/** The engine's arrays inside a wasm memory, with the kernel instantiated on it. */
interface WasmState {
  readonly kernel: LifClockKernel;
  readonly offsets: Int32Array;
  readonly targets: Uint16Array | Int32Array;
  readonly weights?: Float64Array;
}

const NO_PROBES: readonly StepProbe[] = [];

/** Copies the probed neurons' potentials at the start of `step`, for the probes due then. */
export function sampleProbes(V: Float64Array, probes: readonly StepProbe[], step: number): void {
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
  private readonly wasm?: WasmState;

  constructor(options: ClockLifOptions) {
    const { csr, v0 } = options;
    if (v0.length !== csr.size) throw invalidParameter('init', `${v0.length} values`, `${csr.size} values, one per neuron`);
    this.options = options;
    this.size = csr.size;
    this.dt = options.dt;
    const synapses = csr.offsets[csr.size];
    const arena =
      options.wasm === false
        ? undefined
        : wasmArena({
            V: [Float64Array, csr.size],
            spiking: [Int32Array, csr.size],
            offsets: [Int32Array, csr.size + 1],
            targets: [csr.targets instanceof Uint16Array ? Uint16Array : Int32Array, synapses],
            weights: [Float64Array, csr.weights ? synapses : 0],
          });
    if (arena) {
      const { V, spiking, offsets, targets, weights } = arena.arrays;
      V.set(v0);
      offsets.set(csr.offsets);
      targets.set(csr.targets);
      if (csr.weights) weights.set(csr.weights);
      this.V = V;
      this.spiking = spiking;
      this.wasm = { kernel: instantiateLifClock(arena.memory), offsets, targets, weights: csr.weights ? weights : undefined };
    } else {
      this.V = Float64Array.from(v0);
      this.spiking = new Int32Array(csr.size);
    }
  }

  /** Whether the step runs in WebAssembly (false: the JavaScript loops). */
  get usesWasm(): boolean {
    return this.wasm !== undefined;
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
    if (this.wasm) this.advanceWasm(this.wasm, steps, spikes, probes);
    else if (this.options.csr.weights) this.advanceWeighted(steps, spikes, probes);
    else this.advanceUniform(steps, spikes, probes);
  }

  private advanceWasm(wasm: WasmState, steps: number, spikes: SpikeRecorder, probes: readonly StepProbe[]): void {
    const { kernel, offsets, targets, weights } = wasm;
    const { drive, threshold, reset } = this.options;
    const { deliver, weightArgument } = lifDelivery(kernel, targets, weights, this.options.weight);
    const V = this.V;
    const spiking = this.spiking;
    const v = V.byteOffset;
    const list = spiking.byteOffset;
    const size = this.size;
    const rate = this.dt / this.options.tauM;
    const end = this.step + steps;
    for (let step = this.step; step < end; step++) {
      if (probes.length > 0) sampleProbes(V, probes, step);
      const count = kernel.update(v, size, rate, drive, threshold, list, 0);
      if (count === 0) continue;
      deliver(v, list, count, offsets.byteOffset, targets.byteOffset, weightArgument, 4);
      kernel.reset(v, list, count, 0, reset);
      spikes.appendStep(spiking, count, step);
    }
    this.step = end;
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
