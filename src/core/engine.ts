import { GrowableArray } from './growable.js';

/**
 * Spikes an engine emits during one `advance`: parallel columns of neuron index and step index.
 * Engines append whole steps at once, so the hot loop never calls back per spike.
 */
export class SpikeRecorder {
  readonly neuron = new GrowableArray(Int32Array, 1 << 14);
  readonly step = new GrowableArray(Float64Array, 1 << 14);

  get length(): number {
    return this.neuron.length;
  }

  /** Appends the `count` neurons at `list[from …]` that all spiked at `step`. */
  appendStep(list: Int32Array, count: number, step: number, from = 0): void {
    if (count === 0) return;
    const neuron = this.neuron.reserve(count);
    const steps = this.step.reserve(count);
    const start = this.neuron.length;
    // an element loop: a step has a handful of spikes, for which views and typed-array copies cost more
    for (let k = 0; k < count; k++) {
      neuron[start + k] = list[from + k];
      steps[start + k] = step;
    }
    this.neuron.length = start + count;
    this.step.length = start + count;
  }

  /** Appends `count` spikes from parallel columns (a kernel's output buffers). */
  appendColumns(neurons: Int32Array, steps: Float64Array, count: number): void {
    if (count === 0) return;
    const start = this.neuron.length;
    this.neuron.reserve(count).set(neurons.subarray(0, count), start);
    this.step.reserve(count).set(steps.subarray(0, count), start);
    this.neuron.length = start + count;
    this.step.length = start + count;
  }

  /** Appends spikes at exact (off-grid) times expressed in steps. */
  appendOne(neuron: number, step: number): void {
    this.neuron.push(neuron);
    this.step.push(step);
  }

  clear(): void {
    this.neuron.clear();
    this.step.clear();
  }
}

/**
 * A request to sample some neurons of a variable at the start of every `everySteps`-th step (steps before
 * `endStep`) while advancing; the engine writes sample after sample into `values` and counts them in `filled`.
 */
export interface StepProbe {
  readonly variable: string;
  readonly neurons: Int32Array;
  readonly everySteps: number;
  readonly endStep: number;
  readonly values: Float64Array;
  filled: number;
}

/** Everything needed to continue a run bit for bit: typed state arrays plus small JSON values. */
export interface EngineState {
  readonly step: number;
  readonly arrays: Record<string, Float64Array | Int32Array>;
  readonly values: Record<string, unknown>;
}

/**
 * An engine owns a network's state and advances it on a fixed step grid.
 * It knows nothing of files, figures or RxJS; the run loop drives it.
 */
export interface Engine {
  readonly size: number;
  readonly dt: number;
  /** Steps completed so far; the state is that at time `step * dt`. */
  readonly step: number;
  /** Names of the state variables that can be recorded. */
  readonly variables: readonly string[];
  /** Advances `steps` steps and appends every spike to `spikes`. */
  advance(steps: number, spikes: SpikeRecorder): void;
  /** The live array of a state variable, one value per neuron; read it only between advances. */
  variable(name: string): Float64Array;
  /**
   * Writes the current values of `neurons` into `out` from `offset`. Optional: engines whose `variable` must
   * rebuild every neuron (the event engine) implement it so that recording a few neurons stays cheap.
   */
  sample?(name: string, neurons: Int32Array, out: Float64Array, offset: number): void;
  /**
   * Advances like `advance` while filling `probes`. Optional: it lets an engine record a few neurons every step
   * without being called once per step; engines without it are sampled between shorter advances.
   */
  advanceProbed?(steps: number, spikes: SpikeRecorder, probes: readonly StepProbe[]): void;
  saveState(): EngineState;
  restoreState(state: EngineState): void;
  /** Releases worker threads or other resources; a no-op for plain engines. */
  dispose?(): void | Promise<void>;
}
