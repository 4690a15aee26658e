type ArenaArray = Float64Array | Int32Array | Uint16Array;
type ArenaType = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): ArenaArray; BYTES_PER_ELEMENT: number };
export type ArenaRequest = readonly [type: ArenaType, length: number];
export type ArenaArrays<T extends Record<string, ArenaRequest>> = { [K in keyof T]: InstanceType<T[K][0]> };

/** Bytes of a WebAssembly memory page. */
export const WASM_PAGE = 65536;
/** wasm32 addresses 4 GiB, i.e. 65536 pages. */
const MAX_PAGES = 65536;
/** Every array starts on a 16-byte boundary, the width of a v128 load. */
const ALIGN = 16;

/** Total bytes of a layout, each array aligned, or Infinity when it does not fit a 32-bit address space. */
export function arenaBytes(requests: readonly ArenaRequest[]): number {
  let bytes = 0;
  for (const [type, length] of requests) bytes += Math.ceil((Math.max(1, length) * type.BYTES_PER_ELEMENT) / ALIGN) * ALIGN;
  return bytes <= MAX_PAGES * WASM_PAGE ? bytes : Infinity;
}

/**
 * Lays typed arrays out back to back in one shared WebAssembly memory of fixed size, so that a kernel receives
 * them as byte offsets (`array.byteOffset`) and worker threads see the same bytes. The memory never grows, so the
 * views never detach. Returns undefined when the layout exceeds the 4 GiB a wasm32 memory can address, or when the
 * machine cannot reserve that much, so that callers fall back to plain typed arrays.
 */
export function wasmArena<T extends Record<string, ArenaRequest>>(requests: T): { memory: WebAssembly.Memory; arrays: ArenaArrays<T> } | undefined {
  const bytes = arenaBytes(Object.values(requests));
  if (!Number.isFinite(bytes)) return undefined;
  const pages = Math.max(1, Math.ceil(bytes / WASM_PAGE));
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  const arrays: Record<string, ArenaArray> = {};
  let offset = 0;
  for (const [name, [type, length]] of Object.entries(requests)) {
    arrays[name] = new type(memory.buffer, offset, length);
    offset += Math.ceil((Math.max(1, length) * type.BYTES_PER_ELEMENT) / ALIGN) * ALIGN;
  }
  return { memory, arrays: arrays as ArenaArrays<T> };
}
