import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { initSync } from 'parquet-wasm/esm';

/** V8's default --wasm-tiering-budget (Node 20, V8 11.3), restored once parquet-wasm is compiled and instantiated. */
const DEFAULT_TIERING_BUDGET = 1_800_000;
/** A budget no run exhausts: the module stays on baseline code (see `parquetReady`). */
const BASELINE_ONLY_BUDGET = 2_000_000_000;

// parquet-wasm is 6.5 MB of WebAssembly. Its Node build reads and compiles it synchronously on import, ~50 ms of
// every start-up, even for `--help`. The web build used here takes a compiled module instead: `prepareParquet`
// starts an asynchronous compile, which V8 runs on its background threads while this thread builds the network,
// and `parquetReady` instantiates it on first use (compiling synchronously if nobody prepared it). Functions are
// still compiled on their first call (V8's lazy compilation): compiling all 6.5 MB up front, even on background
// threads, made whole runs ~0.1 s slower.
const wasmPath = createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
let compiled: WebAssembly.Module | undefined;
let compiling: Promise<void> | undefined;
let ready = false;

/** Starts compiling parquet-wasm in the background, for a process that will write or read Parquet soon. */
export function prepareParquet(): Promise<void> {
  compiling ??= readFile(wasmPath)
    .then((bytes) => {
      // read when the compilation starts and kept until it ends, which does not slow the small kernels compiled
      // meanwhile (measured: tiering does not change their speed)
      setFlagsFromString(`--wasm-tiering-budget=${BASELINE_ONLY_BUDGET}`);
      return WebAssembly.compile(bytes);
    })
    .then(
      (module) => {
        compiled = module;
      },
      () => undefined, // parquetReady compiles again and reports the error where Parquet is needed
    )
    .finally(() => setFlagsFromString(`--wasm-tiering-budget=${DEFAULT_TIERING_BUDGET}`));
  return compiling;
}

/** Instantiates parquet-wasm once per thread; every function that calls into it calls this first. */
export function parquetReady(): void {
  if (ready) return;
  // V8 runs new wasm on baseline (Liftoff) code and re-optimises hot functions on a background thread: ~0.6 s of
  // CPU per process for no measurable gain in encoding speed (measured on the seed-000 spikes), and on a busy
  // machine that thread takes a core from the simulation threads. V8 reads the tiering budget when it compiles
  // and instantiates a module, so raising it around parquet-wasm's keeps parquet-wasm on baseline code while every
  // other module (the simulation kernels) is optimised as usual.
  setFlagsFromString(`--wasm-tiering-budget=${BASELINE_ONLY_BUDGET}`);
  try {
    initSync({ module: compiled ?? readFileSync(wasmPath) });
  } finally {
    setFlagsFromString(`--wasm-tiering-budget=${DEFAULT_TIERING_BUDGET}`);
  }
  ready = true;
}

export { Compression, ParquetFile, readParquet, Table, writeParquet, WriterPropertiesBuilder } from 'parquet-wasm/esm';
export type { Compression as CompressionCode, Table as WasmTableType, WriterPropertiesBuilder as WriterPropertiesBuilderType } from 'parquet-wasm/esm';
