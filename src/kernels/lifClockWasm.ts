import { lifClockWasm } from './wasm/lifClock.generated.js';

/** The exports of `wasm/lifClock.wat`; every pointer is a byte offset into the shared memory it was given. */
export interface LifClockKernel {
  update(v: number, n: number, rate: number, drive: number, threshold: number, list: number, base: number): number;
  deliverUniform16(v: number, list: number, count: number, offsets: number, targets: number, weight: number): void;
  deliverUniform32(v: number, list: number, count: number, offsets: number, targets: number, weight: number): void;
  deliverWeighted16(v: number, list: number, count: number, offsets: number, targets: number, weights: number): void;
  deliverWeighted32(v: number, list: number, count: number, offsets: number, targets: number, weights: number): void;
  reset(v: number, list: number, count: number, base: number, value: number): void;
}

let compiled: WebAssembly.Module | undefined;

/** The compiled module (compiled once per thread; a Module can also be posted to workers). */
export function lifClockModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Buffer.from(lifClockWasm, 'base64'));
  return compiled;
}

export function instantiateLifClock(memory: WebAssembly.Memory, module: WebAssembly.Module = lifClockModule()): LifClockKernel {
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as LifClockKernel;
}

export type LifDelivery = (v: number, list: number, count: number, offsets: number, targets: number, weightOrWeights: number) => void;

/**
 * The delivery kernel for a CSR's target width and weight kind, with its last argument: the shared weight, or the
 * byte offset of the per-synapse weights.
 */
export function lifDelivery(kernel: LifClockKernel, targets: Uint16Array | Int32Array, weights: Float64Array | undefined, weight: number): { deliver: LifDelivery; weightArgument: number } {
  const narrow = targets instanceof Uint16Array;
  if (weights) return { deliver: narrow ? kernel.deliverWeighted16 : kernel.deliverWeighted32, weightArgument: weights.byteOffset };
  return { deliver: narrow ? kernel.deliverUniform16 : kernel.deliverUniform32, weightArgument: weight };
}

