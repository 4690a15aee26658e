import { parentPort } from 'node:worker_threads';
import { encodeIpcAsParquet, type ParquetEncodeRequest } from './parquetCodec.js';

/** The Parquet encoding thread: IPC stream in, Parquet bytes out, one request at a time. */
parentPort?.on('message', (request: ParquetEncodeRequest & { id: number }) => {
  try {
    const bytes = encodeIpcAsParquet(request);
    parentPort?.postMessage({ id: request.id, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
