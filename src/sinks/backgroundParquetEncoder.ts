import { Worker } from 'node:worker_threads';
import { resolveWorkerFile } from '../pool/workerFile.js';
import type { ParquetEncodeRequest } from './parquetIpcEncoder.js';

/**
 * Parquet encoding on a thread of the lowest priority. A run's main thread then only serialises each part to Arrow
 * IPC (~3 ms) instead of encoding it (~10 ms per 80 000 spikes, and ~50 ms to compile the encoder for the first
 * part), while the simulation threads wait for it; the encoder thread takes the cycles the other threads leave.
 */
interface Pending {
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

/** Starts the encoder thread (it compiles parquet-wasm while the caller prepares its run). */
export function startBackgroundParquetEncoder(): void {
  if (worker) return;
  const thread = new Worker(resolveWorkerFile(new URL('./parquetEncodeWorker.js', import.meta.url)));
  thread.on('message', ({ id, bytes, error }: { id: number; bytes?: Uint8Array; error?: string }) => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    if (pending.size === 0) thread.unref();
    if (bytes) request.resolve(bytes);
    else request.reject(new Error(`Parquet encoder: ${error}`));
  });
  const fail = (error: Error) => {
    worker = undefined;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  thread.on('error', fail);
  thread.on('exit', (code) => fail(new Error(`Parquet encoder thread exited (code ${code})`)));
  // an idle encoder never keeps the process alive
  thread.unref();
  worker = thread;
}

/** Encodes on the encoder thread (started if needed); IPC bytes that own their buffer are transferred, not copied. */
export function encodeInBackground(request: ParquetEncodeRequest): Promise<Uint8Array> {
  startBackgroundParquetEncoder();
  const thread = worker as Worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.ref();
    const { ipc } = request;
    const own = ipc.byteOffset === 0 && ipc.byteLength === ipc.buffer.byteLength && !(ipc.buffer instanceof SharedArrayBuffer);
    thread.postMessage({ id, request }, own ? [ipc.buffer as ArrayBuffer] : []);
  });
}
