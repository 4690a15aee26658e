import { setFlagsFromString } from 'node:v8';

/**
 * Compiles a small WebAssembly module with V8's optimising compiler, every function at once. By default V8
 * compiles each function on its first call to baseline code and re-optimises hot functions on a background
 * thread; a kernel that loops for a long time inside one call would then run that call on baseline code, and
 * the background compile takes a core from simulation threads. The flags are V8's defaults again on return
 * (Node 20, V8 11.3), so that large modules (parquet-wasm) are still compiled lazily.
 */
export function compileOptimized(bytes: Uint8Array): WebAssembly.Module {
  setFlagsFromString('--no-liftoff');
  setFlagsFromString('--no-wasm-lazy-compilation');
  try {
    return new WebAssembly.Module(bytes);
  } finally {
    // --no-liftoff implies --no-wasm-dynamic-tiering, which stays set unless restored: every module compiled
    // afterwards would then be re-optimised function by function in the background
    setFlagsFromString('--wasm-lazy-compilation');
    setFlagsFromString('--liftoff');
    setFlagsFromString('--wasm-dynamic-tiering');
  }
}
