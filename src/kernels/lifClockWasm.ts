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
  if (!compiled) {
    compiled = new WebAssembly.Module(Buffer.from(lifClockWasm, 'base64'));
    warmUp(compiled);
  }
  return compiled;
}

/**
 * Runs every kernel briefly so that V8 optimises them now, while a core is still free. V8 first runs wasm as
 * baseline code and optimises hot functions on a background thread, which gets no core once every core runs a
 * simulation thread; the optimised code is shared by every instance, in every thread.
 */
function warmUp(module: WebAssembly.Module): void {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
  const kernel = instantiateLifClock(memory, module);
  const size = 1024;
  const v = 0;
  const list = 8 * size;
  const offsets = list + 4 * size;
  const targets = offsets + 4 * (size + 1);
  const weights = targets + 4 * size;
  const row = new Int32Array(memory.buffer, offsets, size + 1);
  for (let i = 0; i <= size; i++) row[i] = i;
  for (let round = 0; round < 2000; round++) {
    const count = kernel.update(v, size, 0.01, 2, 1, list, 0);
    kernel.deliverUniform16(v, list, count, offsets, targets, -0.001);
    kernel.deliverUniform32(v, list, count, offsets, targets, -0.001);
    kernel.deliverWeighted16(v, list, count, offsets, targets, weights);
    kernel.deliverWeighted32(v, list, count, offsets, targets, weights);
    kernel.reset(v, list, count, 0, 0);
  }
}

export function instantiateLifClock(memory: WebAssembly.Memory, module: WebAssembly.Module = lifClockModule()): LifClockKernel {
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as LifClockKernel;
}
