import { createWriteStream, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { dirname, resolve } from 'node:path';
import { AsyncByteQueue, RecordBatchFileWriter, type RecordBatch, type Schema } from 'apache-arrow';
import { invalidParameter } from '../core/errors.js';
import { diskError, removeQuietly, syncDirectory } from './durableFile.js';
import { withSchema } from './parquetCodec.js';
import { describeColumns, sameColumns } from './tableSchemas.js';

/**
 * Collects the bytes the Arrow file writer produces for one call, so they can be handed to the file stream
 * with backpressure instead of piling up in Arrow's internal queue.
 */
class ByteCollector extends AsyncByteQueue {
  private chunks: Uint8Array[] = [];

  override write(value: Uint8Array): void {
    this.chunks.push(value);
  }

  take(): Uint8Array[] {
    const chunks = this.chunks;
    this.chunks = [];
    return chunks;
  }
}

/**
 * Streams record batches to an Arrow IPC *file* (`.arrow`, readable by any Arrow library with random access).
 * Bytes go to `<path>.tmp`, each write awaiting the stream's 'drain', and `close` fsyncs and renames the file
 * into place, so `path` never holds a truncated file.
 *
 * @example
 * const writer = new ArrowIpcWriter('out/spikes.arrow', spikeSchema);
 * for (const frame of frames) await writer.write(spikeFrameToBatch(frame));
 * await writer.close();
 */
export class ArrowIpcWriter {
  readonly path: string;
  readonly schema: Schema;
  private readonly tmpPath: string;
  private readonly collector = new ByteCollector();
  private readonly encoder = new RecordBatchFileWriter();
  private readonly out: WriteStream;
  private streamError: unknown = undefined;
  private closed = false;
  private rows = 0;
  /** Pushes run one after another: each call's bytes are taken in call order and must reach the file in that order. */
  private pushes: Promise<void> = Promise.resolve();

  constructor(path: string, schema: Schema) {
    this.path = resolve(path);
    this.schema = schema;
    this.tmpPath = `${this.path}.tmp`;
    // flush: fsync before the descriptor closes, so the rename in close() publishes durable bytes.
    this.out = createWriteStream(this.tmpPath, { flush: true });
    this.out.on('error', (error) => {
      this.streamError ??= error;
    });
    this.encoder.reset(this.collector, schema);
  }

  /** Rows written so far. */
  get rowCount(): number {
    return this.rows;
  }

  /** Appends one batch; resolves once its bytes reached the file, after which the batch's arrays may be reused. */
  async write(batch: RecordBatch): Promise<void> {
    if (this.closed) throw new Error(`ArrowIpcWriter(${this.path}).write: the writer is closed`);
    if (!sameColumns(batch.schema, this.schema)) {
      throw invalidParameter(`${this.path} batch columns`, describeColumns(batch.schema), describeColumns(this.schema));
    }
    this.encoder.write(withSchema(batch, this.schema));
    this.rows += batch.numRows;
    await this.enqueuePush(this.collector.take());
  }

  /** Writes the footer, fsyncs and renames the file to its final path. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.encoder.close();
    try {
      await this.enqueuePush(this.collector.take());
      this.out.end();
      await finished(this.out);
      this.throwStreamError();
      await rename(this.tmpPath, this.path);
      await syncDirectory(dirname(this.path));
    } catch (error) {
      await removeQuietly(this.tmpPath);
      throw diskError(error, this.path, 'write');
    }
  }

  /** Gives up: discards the temporary file and leaves `path` untouched. */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Wait for the descriptor to close: a stream destroyed while still opening would create the file afterwards.
    const closed = this.out.closed ? Promise.resolve() : once(this.out, 'close').then(() => undefined, () => undefined);
    this.out.destroy();
    await closed;
    await removeQuietly(this.tmpPath);
  }

  private enqueuePush(chunks: readonly Uint8Array[]): Promise<void> {
    const push = this.pushes.then(() => this.push(chunks));
    this.pushes = push.catch(() => undefined);
    return push;
  }

  /**
   * Honours backpressure ('drain' after `write` returns false) and waits until the last chunk reached the
   * file, because chunks are views of the caller's arrays, which the caller may reuse once `write` resolves.
   */
  private async push(chunks: readonly Uint8Array[]): Promise<void> {
    try {
      for (let i = 0; i < chunks.length; i++) {
        this.throwStreamError();
        if (i === chunks.length - 1) await this.writeThrough(chunks[i]);
        else if (!this.out.write(chunks[i])) await once(this.out, 'drain');
      }
      this.throwStreamError();
    } catch (error) {
      throw diskError(error, this.path, 'write');
    }
  }

  private writeThrough(chunk: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.out.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  }

  private throwStreamError(): void {
    if (this.streamError !== undefined) throw this.streamError;
  }
}
