import type { SpikeRecorder } from '../core/engine.js';
import { environmentError } from '../core/errors.js';
import { clearLifOutput, lifDelivery, lifOutputCount, type LifClockKernel } from '../kernels/lifClockWasm.js';
import { threadBarrier } from './threadBarrier.js';

/**
 * Shared probe plan and sample buffer. `plan` is [probe count, then per probe: everySteps, endStep, neuron count,
 * offset of its first sample row in `values`, first sampled step, neurons…]; every thread writes the samples of the
 * probed neurons it owns, at the start of each due step, so no thread reads another's potentials mid-step.
 */
export interface ProbeArea {
  readonly plan: Int32Array;
  readonly values: Float64Array;
}

/** One thread's view of the shared state: its partition's potentials and synapses, and everyone's spike lists. */
export interface PartitionContext {
  readonly index: number;
  readonly parts: number;
  readonly bounds: readonly number[];
  readonly low: number;
  /** Potentials of this partition only (a view into the shared array). */
  readonly V: Float64Array;
  /** Row starts, `rowStride` entries apart; a row ends where the next entry (offsets[rowStride·pre + 1]) says. */
  readonly offsets: Int32Array;
  readonly targets: Uint16Array | Int32Array;
  readonly weights?: Float64Array;
  /** 1 for the partition's own CSR; parts + 1 for its column of a shared CSR's row cuts (wasm only). */
  readonly rowStride: number;
  /** Targets index all potentials (a shared CSR, wasm only) instead of this partition's. */
  readonly globalTargets: boolean;
  readonly control: Int32Array;
  /** Two halves (step parity) of N slots; partition p writes its spikes at [low_p, high_p) of a half. */
  readonly lists: Int32Array;
  /** Spike counts, `parity * parts + p`. */
  readonly counts: Int32Array;
  readonly size: number;
  readonly rate: number;
  readonly drive: number;
  readonly threshold: number;
  readonly reset: number;
  readonly weight: number;
  /** Parity of the next step; every thread runs the same number of steps, so parities agree. */
  parity: number;
  readonly probes: ProbeArea;
  /** The wasm memory holding V, lists and this partition's synapses, when the step runs in WebAssembly. */
  readonly memory?: WebAssembly.Memory;
  readonly module?: WebAssembly.Module;
  /** Byte offset of this partition's frame for the kernel's step loop (`run`), with `memory`. */
  readonly frame?: number;
  /** The output columns of the recording thread's step loop. */
  readonly output?: SpikeOutput;
}

/** Columns in the wasm memory where the recording thread's step loop copies every partition's spikes. */
export interface SpikeOutput {
  readonly neurons: Int32Array;
  readonly steps: Float64Array;
}

/**
 * Runs `steps` clock steps of one partition in Brian2's order (update + threshold, barrier, delivery of all
 * partitions' spikes to own targets in increasing presynaptic order, reset), then a closing barrier so the
 * whole state is consistent. The main thread passes a recorder and collects every partition's spikes.
 */
export function runPartitionSteps(context: PartitionContext, steps: number, firstStep: number, recorder?: SpikeRecorder, kernel?: LifClockKernel): void {
  // probes are sampled between steps from JavaScript, so probed runs take the step-by-step loop
  if (kernel && context.frame !== undefined && context.probes.plan[0] === 0) runWasmLoop(context, kernel, context.frame, steps, firstStep, recorder);
  else if (kernel) runWasm(context, kernel, steps, firstStep, recorder);
  else if (context.weights) runWeighted(context, steps, firstStep, recorder);
  else runUniform(context, steps, firstStep, recorder);
  threadBarrier(context.control, context.parts);
}

/** The whole step loop, barrier included, inside the kernel: no JavaScript runs between steps. */
function runWasmLoop(context: PartitionContext, kernel: LifClockKernel, frame: number, steps: number, firstStep: number, recorder?: SpikeRecorder): void {
  const memory = context.memory as WebAssembly.Memory;
  const output = context.output;
  for (let done = 0; done < steps; ) {
    const ran = kernel.run(frame, context.parity, steps - done, firstStep + done);
    if (ran < 0) throw environmentError('a simulation thread failed');
    context.parity ^= ran & 1;
    done += ran;
    if (output) {
      recorder?.appendColumns(output.neurons, output.steps, lifOutputCount(memory, frame));
      clearLifOutput(memory, frame);
    }
  }
}

function runWasm(context: PartitionContext, kernel: LifClockKernel, steps: number, firstStep: number, recorder?: SpikeRecorder): void {
  const { V, offsets, targets, weights, control, lists, counts, parts, bounds, low, size, rate, drive, threshold, reset, weight, index } = context;
  const { deliver, weightArgument } = lifDelivery(kernel, targets, weights, weight);
  const v = V.byteOffset;
  const deliveryV = context.globalTargets ? v - 8 * low : v;
  const rowBytes = 4 * context.rowStride;
  const listBase = lists.byteOffset;
  const offsetsAt = offsets.byteOffset;
  const targetsAt = targets.byteOffset;
  const local = V.length;
  const probing = context.probes.plan[0] > 0;
  for (let s = 0; s < steps; s++) {
    if (probing) sampleOwnNeurons(context, firstStep + s);
    const parity = context.parity;
    context.parity = parity ^ 1;
    const half = parity * size;
    const own = listBase + 4 * (half + low);
    const count = kernel.update(v, local, rate, drive, threshold, own, low);
    counts[parity * parts + index] = count;
    threadBarrier(control, parts);
    for (let q = 0; q < parts; q++) {
      const arrived = counts[parity * parts + q];
      if (arrived > 0) deliver(deliveryV, listBase + 4 * (half + bounds[q]), arrived, offsetsAt, targetsAt, weightArgument, rowBytes);
    }
    kernel.reset(v, own, count, low, reset);
    if (recorder) collect(context, recorder, parity, firstStep + s);
  }
}

function runUniform(context: PartitionContext, steps: number, firstStep: number, recorder?: SpikeRecorder): void {
  const { V, offsets, targets, control, lists, counts, parts, bounds, low, size, rate, drive, threshold, reset, weight, index } = context;
  const local = V.length;
  const probing = context.probes.plan[0] > 0;
  for (let s = 0; s < steps; s++) {
    if (probing) sampleOwnNeurons(context, firstStep + s);
    const parity = context.parity;
    context.parity = parity ^ 1;
    const half = parity * size;
    let count = 0;
    const own = half + low;
    for (let i = 0; i < local; i++) {
      const v = V[i] + rate * (drive - V[i]);
      V[i] = v;
      if (v >= threshold) lists[own + count++] = low + i;
    }
    counts[parity * parts + index] = count;
    threadBarrier(control, parts);
    for (let q = 0; q < parts; q++) {
      const start = half + bounds[q];
      const end = start + counts[parity * parts + q];
      for (let k = start; k < end; k++) {
        const pre = lists[k];
        const last = offsets[pre + 1];
        for (let j = offsets[pre]; j < last; j++) V[targets[j]] += weight;
      }
    }
    for (let k = own; k < own + count; k++) V[lists[k] - low] = reset;
    if (recorder) collect(context, recorder, parity, firstStep + s);
  }
}

function runWeighted(context: PartitionContext, steps: number, firstStep: number, recorder?: SpikeRecorder): void {
  const { V, offsets, targets, control, lists, counts, parts, bounds, low, size, rate, drive, threshold, reset, index } = context;
  const weights = context.weights as Float64Array;
  const local = V.length;
  const probing = context.probes.plan[0] > 0;
  for (let s = 0; s < steps; s++) {
    if (probing) sampleOwnNeurons(context, firstStep + s);
    const parity = context.parity;
    context.parity = parity ^ 1;
    const half = parity * size;
    let count = 0;
    const own = half + low;
    for (let i = 0; i < local; i++) {
      const v = V[i] + rate * (drive - V[i]);
      V[i] = v;
      if (v >= threshold) lists[own + count++] = low + i;
    }
    counts[parity * parts + index] = count;
    threadBarrier(control, parts);
    for (let q = 0; q < parts; q++) {
      const start = half + bounds[q];
      const end = start + counts[parity * parts + q];
      for (let k = start; k < end; k++) {
        const pre = lists[k];
        const last = offsets[pre + 1];
        for (let j = offsets[pre]; j < last; j++) V[targets[j]] += weights[j];
      }
    }
    for (let k = own; k < own + count; k++) V[lists[k] - low] = reset;
    if (recorder) collect(context, recorder, parity, firstStep + s);
  }
}

/** Writes this partition's share of the probes due at `step` (the potentials at the start of that step). */
function sampleOwnNeurons(context: PartitionContext, step: number): void {
  const { plan, values } = context.probes;
  const { V, low } = context;
  const high = low + V.length;
  const probes = plan[0];
  let at = 1;
  for (let p = 0; p < probes; p++) {
    const everySteps = plan[at];
    const count = plan[at + 2];
    if (step < plan[at + 1] && step % everySteps === 0) {
      const row = plan[at + 3] + ((step - plan[at + 4]) / everySteps) * count;
      for (let k = 0; k < count; k++) {
        const neuron = plan[at + 5 + k];
        if (neuron >= low && neuron < high) values[row + k] = V[neuron - low];
      }
    }
    at += 5 + count;
  }
}

function collect(context: PartitionContext, recorder: SpikeRecorder, parity: number, step: number): void {
  const { lists, counts, parts, bounds, size } = context;
  for (let q = 0; q < parts; q++) {
    const count = counts[parity * parts + q];
    if (count > 0) recorder.appendStep(lists, count, step, parity * size + bounds[q]);
  }
}
