import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../pool/threadPriority.js';
import { encodeIpcAsParquet, type ParquetEncodeRequest } from './parquetIpcEncoder.js';
import { parquetReady } from './parquetWasm.js';

/** The background Parquet encoder (`backgroundParquetEncoder.ts`): one request at a time, bytes back by transfer. */
const port = parentPort;
if (port) {
  lowerThreadPriority();
  parquetReady();
  port.on('message', ({ id, request }: { id: number; request: ParquetEncodeRequest }) => {
    try {
      const bytes = encodeIpcAsParquet(request);
      port.postMessage({ id, bytes }, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
