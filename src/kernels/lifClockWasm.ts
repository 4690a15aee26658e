import { lifClockWasm } from './wasm/lifClock.generated.js';
import { compileOptimized } from './compileOptimized.js';

/** The exports of `wasm/lifClock.wat`; every pointer is a byte offset into the shared memory it was given. */
export interface LifClockKernel {
  update(v: number, n: number, rate: number, drive: number, threshold: number, list: number, base: number): number;
  deliverUniform16(v: number, list: number, count: number, offsets: number, targets: number, weight: number, rowBytes: number): void;
  deliverUniform32(v: number, list: number, count: number, offsets: number, targets: number, weight: number, rowBytes: number): void;
  deliverWeighted16(v: number, list: number, count: number, offsets: number, targets: number, weights: number, rowBytes: number): void;
  deliverWeighted32(v: number, list: number, count: number, offsets: number, targets: number, weights: number, rowBytes: number): void;
  reset(v: number, list: number, count: number, base: number, value: number): void;
  /** Runs steps of the partition described by the frame at `frame` (see {@link writeLifFrame}); returns the steps run, −1 on failure. */
  run(frame: number, parity: number, steps: number, firstStep: number): number;
}

let compiled: WebAssembly.Module | undefined;

/**
 * The compiled module (compiled once per thread; a Module can also be posted to workers). Compiled optimised up front:
 * a step loop runs for thousands of steps per call, and V8 would otherwise run that call on baseline code throughout
 * and optimise in a background thread that competes with the simulation threads.
 */
export function lifClockModule(): WebAssembly.Module {
  compiled ??= compileOptimized(Buffer.from(lifClockWasm, 'base64'));
  return compiled;
}

export function instantiateLifClock(memory: WebAssembly.Memory, module: WebAssembly.Module = lifClockModule()): LifClockKernel {
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as LifClockKernel;
}

/** Delivery of a list of spikes; `rowBytes` apart are the row starts (4 for a CSR's own offsets). */
export type LifDelivery = (v: number, list: number, count: number, offsets: number, targets: number, weightOrWeights: number, rowBytes: number) => void;

/**
 * The delivery kernel for a CSR's target width and weight kind, with its last argument: the shared weight, or the
 * byte offset of the per-synapse weights.
 */
export function lifDelivery(kernel: LifClockKernel, targets: Uint16Array | Int32Array, weights: Float64Array | undefined, weight: number): { deliver: LifDelivery; weightArgument: number } {
  const narrow = targets instanceof Uint16Array;
  if (weights) return { deliver: narrow ? kernel.deliverWeighted16 : kernel.deliverWeighted32, weightArgument: weights.byteOffset };
  return { deliver: narrow ? kernel.deliverUniform16 : kernel.deliverUniform32, weightArgument: weight };
}


/** Bytes of the frame that describes one partition to the kernel's `run`. */
export const LIF_FRAME_BYTES = 128;
/** Byte offset, within a frame, of the number of spikes in the output columns (written by `run`). */
const OUTPUT_COUNT = 108;

/** What `run` needs to know about a partition; array fields are byte offsets into the kernel's memory. */
export interface LifFrame {
  readonly rate: number;
  readonly drive: number;
  readonly threshold: number;
  readonly reset: number;
  /** The uniform weight, or 0 with `weights`. */
  readonly weight: number;
  readonly v: number;
  readonly neurons: number;
  readonly low: number;
  readonly narrow: boolean;
  /** Byte offset of per-synapse weights, if any. */
  readonly weights?: number;
  readonly offsets: number;
  readonly targets: number;
  /** Both halves of the spike lists (2 × size i32), partition p writing at [low_p, high_p) of a half. */
  readonly lists: number;
  readonly size: number;
  /** Spike counts, parity × parts + p (i32). */
  readonly counts: number;
  /** parts + 1 partition bounds (i32). */
  readonly bounds: number;
  readonly parts: number;
  readonly index: number;
  /** The barrier's control slots (threadBarrier.ts). */
  readonly control: number;
  /** Output columns (neuron i32, step f64) of `capacity` spikes, for the thread that records; capacity 0 records nothing. */
  readonly output?: { readonly neurons: number; readonly steps: number; readonly capacity: number };
  /** Where targets are counted from: `v` for a partition's own CSR, the first potential for a shared one. */
  readonly deliveryV: number;
  /** Bytes between the starts of consecutive rows at `offsets`. */
  readonly rowBytes: number;
}

/** Writes `frame` at byte offset `at` of `memory`, with an empty output. */
export function writeLifFrame(memory: WebAssembly.Memory, at: number, frame: LifFrame): void {
  const reals = new Float64Array(memory.buffer, at, 5);
  reals.set([frame.rate, frame.drive, frame.threshold, frame.reset, frame.weight]);
  const kind = (frame.narrow ? 0 : 1) + (frame.weights === undefined ? 0 : 2);
  const words = new Int32Array(memory.buffer, at + 40, 20);
  words.set([
    frame.v, frame.neurons, frame.low, kind, frame.weights ?? 0, frame.offsets, frame.targets, frame.lists, frame.size,
    frame.counts, frame.bounds, frame.parts, frame.index, frame.control,
    frame.output?.neurons ?? 0, frame.output?.steps ?? 0, frame.output?.capacity ?? 0, 0, frame.deliveryV, frame.rowBytes,
  ]);
}

/** Spikes `run` has written to the frame's output columns since the last {@link clearLifOutput}. */
export function lifOutputCount(memory: WebAssembly.Memory, frame: number): number {
  return new Int32Array(memory.buffer, frame + OUTPUT_COUNT, 1)[0];
}

export function clearLifOutput(memory: WebAssembly.Memory, frame: number): void {
  new Int32Array(memory.buffer, frame + OUTPUT_COUNT, 1)[0] = 0;
}
