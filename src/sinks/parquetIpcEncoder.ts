import {
  Compression,
  parquetReady,
  Table as WasmTable,
  writeParquet,
  WriterPropertiesBuilder,
  type CompressionCode,
  type WriterPropertiesBuilderType,
} from './parquetWasm.js';

/**
 * The Parquet encoder proper, for Arrow data already serialised as an IPC stream: free of apache-arrow, so that
 * the background encoding thread (`parquetEncodeWorker`) loads only parquet-wasm.
 * Ownership rule of the wasm bindings: a call that takes an object by value (`writeParquet`, `build`,
 * the builder's setters, `intoIPCStream`) consumes and frees it, and calling `free()` on it afterwards
 * throws, so only objects still owned here are freed explicitly.
 */

export type ParquetCompression = 'zstd' | 'snappy' | 'gzip' | 'brotli' | 'lz4' | 'uncompressed';

export const compressionCodes: Record<ParquetCompression, CompressionCode> = {
  zstd: Compression.ZSTD,
  snappy: Compression.SNAPPY,
  gzip: Compression.GZIP,
  brotli: Compression.BROTLI,
  lz4: Compression.LZ4_RAW,
  uncompressed: Compression.UNCOMPRESSED,
};

export const parquetCompressions = Object.keys(compressionCodes) as readonly ParquetCompression[];

/** What the encoder needs: the batches as one Arrow IPC stream, and the writer settings. */
export interface ParquetEncodeRequest {
  readonly ipc: Uint8Array;
  readonly compression: ParquetCompression;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly dictionary?: boolean;
}

/** Encodes an Arrow IPC stream as one Parquet file in memory. */
export function encodeIpcAsParquet(request: ParquetEncodeRequest): Uint8Array {
  parquetReady();
  const wasmTable = WasmTable.fromIPCStream(request.ipc);
  let builder: WriterPropertiesBuilderType | undefined;
  try {
    builder = new WriterPropertiesBuilder();
    builder = builder.setCompression(compressionCodes[request.compression]).setDictionaryEnabled(request.dictionary ?? false);
    if (request.metadata !== undefined) builder = builder.setKeyValueMetadata(new Map(Object.entries(request.metadata)));
    const properties = builder.build();
    builder = undefined;
    return writeParquet(wasmTable, properties);
  } catch (error) {
    builder?.free();
    throw error;
  }
}
