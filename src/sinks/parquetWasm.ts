import { setFlagsFromString } from 'node:v8';

/** V8's default --wasm-tiering-budget (Node 20, V8 11.3), restored once parquet-wasm is instantiated. */
const DEFAULT_TIERING_BUDGET = 1_800_000;

// parquet-wasm is 5 MB of WebAssembly. V8 runs it on baseline (Liftoff) code first and re-optimises its hot
// functions on a background thread: ~0.6 s of CPU per process, for no measurable gain in encoding speed (measured
// on the seed-000 spikes), and on a busy machine that thread takes a core from the simulation threads. The tiering
// budget is read when a module is instantiated, so raising it around this one import keeps parquet-wasm on baseline
// code while every other module (the simulation kernels) is optimised as usual.
setFlagsFromString('--wasm-tiering-budget=2000000000');
let parquetWasm: typeof import('parquet-wasm');
try {
  parquetWasm = await import('parquet-wasm');
} finally {
  setFlagsFromString(`--wasm-tiering-budget=${DEFAULT_TIERING_BUDGET}`);
}

export const { Compression, ParquetFile, readParquet, Table, writeParquet, WriterPropertiesBuilder } = parquetWasm;
export type { Compression as CompressionCode, Table as WasmTableType, WriterPropertiesBuilder as WriterPropertiesBuilderType } from 'parquet-wasm';
