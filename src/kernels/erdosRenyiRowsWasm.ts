import { erdosRenyiRowsWasm } from './wasm/erdosRenyiRows.generated.js';
import { compileOptimized } from './compileOptimized.js';
import type { Xor4096State } from '../random/xor4096Next.js';
import { SKIP_TABLE_BITS, geometricSkip } from './geometricSkips.js';
import { WASM_PAGE } from './wasmArena.js';

let compiled: WebAssembly.Module | undefined;

/** State (128 words, i, w) padded to 1 KiB, then the skip table. */
const STATE_BYTES = 1024;
const TABLE_BYTES = 4 << SKIP_TABLE_BITS;
/** Positions and byte offsets stay in i32 below this. */
const MAX_BYTES = 2 ** 31 - WASM_PAGE;

/**
 * Draws the rows of an Erdős–Rényi CSR with `wasm/erdosRenyiRows.wat`, word for word as the JavaScript loop of
 * `erdosRenyi` does: the same targets, and the stream's state advanced to the same point. Returns undefined beyond
 * 2³⁰ neurons or when the arrays would not fit a 2 GiB wasm memory, for the caller's JavaScript loop.
 */
export function erdosRenyiRowsInWasm(
  size: number,
  logMiss: number,
  skips: Int32Array,
  state: Xor4096State,
  narrow: boolean,
  expectedTargets: number,
): { offsets: Int32Array; targets: Uint16Array | Int32Array } | undefined {
  // positions m + 1 + skip (skips ≤ 2³⁰) stay within i32
  if (size > 2 ** 30) return undefined;
  const candidates = size - 1;
  const width = narrow ? 2 : 4;
  const offsetsAt = STATE_BYTES + TABLE_BYTES;
  const targetsAt = offsetsAt + Math.ceil((4 * (size + 1)) / 16) * 16;
  let capacity = Math.max(expectedTargets, candidates);
  if (targetsAt + capacity * width > MAX_BYTES) return undefined;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((targetsAt + capacity * width) / WASM_PAGE) });
  compiled ??= compileOptimized(Buffer.from(erdosRenyiRowsWasm, 'base64'));
  const skip = (u: number) => Math.min(geometricSkip(u, logMiss), candidates);
  const kernel = new WebAssembly.Instance(compiled, { env: { memory, skip } }).exports as unknown as {
    rows16: RowsKernel;
    rows32: RowsKernel;
  };
  const rows = narrow ? kernel.rows16 : kernel.rows32;
  const words = new Int32Array(memory.buffer, 0, 130);
  words.set(state.X);
  words[128] = state.i;
  words[129] = state.w;
  new Int32Array(memory.buffer, STATE_BYTES, 1 << SKIP_TABLE_BITS).set(skips);
  // the kernel returns early, before a row that might not fit, and continues after the memory has grown
  for (let from = 0; from < size; ) {
    from = rows(size, from, size, 0, STATE_BYTES, offsetsAt, targetsAt, capacity);
    if (from === size) break;
    // a row did not fit the remaining slots: double the target capacity (the targets are last, so nothing moves)
    if (targetsAt + 2 * capacity * width > MAX_BYTES) return undefined;
    memory.grow(Math.ceil((targetsAt + 2 * capacity * width) / WASM_PAGE) - memory.buffer.byteLength / WASM_PAGE);
    capacity *= 2;
  }
  const done = new Int32Array(memory.buffer, 0, 130);
  state.X.set(done.subarray(0, 128));
  state.i = done[128];
  state.w = done[129];
  // views, not copies: the memory is this network's alone and never grows again, and a copy of 10⁷ targets costs
  // as much in page faults as drawing them
  const offsets = new Int32Array(memory.buffer, offsetsAt, size + 1);
  const count = offsets[size];
  const targets = narrow ? new Uint16Array(memory.buffer, targetsAt, count) : new Int32Array(memory.buffer, targetsAt, count);
  return { offsets, targets };
}

type RowsKernel = (size: number, from: number, to: number, state: number, table: number, offsets: number, targets: number, capacity: number) => number;
