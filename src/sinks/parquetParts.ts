import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { RecordBatch, Schema } from 'apache-arrow';
import { invalidFile, invalidParameter } from '../core/errors.js';
import { diskError, syncDirectory, writeFileDurably } from './durableFile.js';
import { RunManifest, type ManifestPart } from './manifest.js';
import { encodeParquet, readParquetFooter, type ParquetCompression, type ParquetEncodeOptions } from './parquetCodec.js';
import { describeColumns, sameColumns } from './tableSchemas.js';

export interface ParquetPartWriterOptions {
  /** The table's name in the manifest; defaults to the directory's name. */
  readonly tableName?: string;
  /** Defaults to ZSTD. */
  readonly compression?: ParquetCompression;
  /** A part is committed once it holds at least this many rows (it holds whole batches). Default 1 000 000. */
  readonly rowsPerPart?: number;
  /** Also commit once the buffered batches cover this much simulated time, in seconds. */
  readonly flushEverySeconds?: number;
  /** The run manifest to report parts to, or the path of a manifest this writer creates and owns. */
  readonly manifest?: RunManifest | string;
}

/** How far a dataset has been written: enough for a checkpoint to resume it exactly. */
export interface PartPosition {
  readonly parts: number;
  readonly rows: number;
}

/** The simulated time `[t0, t1)` in seconds that a batch covers. */
export interface TimeSpan {
  readonly t0: number;
  readonly t1: number;
}

export interface WrittenParquetFile {
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

const defaultRowsPerPart = 1_000_000;
const partPattern = /^part-(\d+)\.parquet$/;
const metadataT0 = 'spikeflow.t0';
const metadataT1 = 'spikeflow.t1';

/** `part-00042.parquet`: zero-padded so that a plain sort lists parts in order. */
export function partFileName(index: number): string {
  return `part-${String(index).padStart(5, '0')}.parquet`;
}

/** The part files of a dataset directory in commit order; `.tmp` leftovers are not parts. */
export async function listPartFiles(directory: string): Promise<string[]> {
  const names = await readdir(directory);
  return names
    .filter((name) => partPattern.test(name))
    .sort((a, b) => partIndex(a) - partIndex(b));
}

function partIndex(name: string): number {
  return Number(partPattern.exec(name)?.[1] ?? Number.NaN);
}

/**
 * Writes batches as one Parquet file that appears atomically: encoded in memory, written to `<path>.tmp`,
 * fsynced, renamed to `path`, directory fsynced. Disk failures become one-line environment errors naming `path`.
 */
export async function writeParquetFile(
  path: string,
  schema: Schema,
  batches: readonly RecordBatch[],
  options: ParquetEncodeOptions = {},
): Promise<WrittenParquetFile> {
  const rows = batches.reduce((sum, batch) => sum + batch.numRows, 0);
  return writeEncodedParquet(path, encodeParquet(schema, batches, options), rows);
}

/** The durable write of `writeParquetFile`, for bytes already encoded. */
async function writeEncodedParquet(path: string, bytes: Uint8Array, rows: number): Promise<WrittenParquetFile> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await writeFileDurably(path, bytes);
  return { rows, bytes: bytes.byteLength, sha256 };
}

/**
 * A crash-safe Parquet dataset writer for one table: `DIR/part-00000.parquet`, `part-00001.parquet`, …
 * Every table in spikeflow is written through it.
 *
 * Lifecycle: `open` → `append`* (commits a part automatically every `rowsPerPart` rows or `flushEverySeconds`
 * of simulated time) → `flush` when a commit is wanted now → `close`. A part only becomes visible by an atomic
 * rename after fsync, and is then reported to the run manifest, so after a crash the directory holds whole parts
 * and at worst a `.tmp` file that readers ignore. A part is encoded when it is due, and its file and manifest
 * writes (fsyncs) then proceed while the producer goes on; the next part waits for them, so memory is bounded by
 * two parts and a disk error is reported by the next call (`append`, `flush` or `close`). `flush` and `close`
 * return once every part is committed.
 *
 * Appended batches are kept by reference until their part is committed: do not modify their arrays meanwhile.
 * Calls are serialised in order; await each one so that backpressure reaches the producer.
 *
 * @example
 * const writer = await ParquetPartWriter.open('out/spikes', spikeSchema, { tableName: 'spikes', manifest });
 * await writer.append(spikeFrameToBatch(frame), frame);
 * await writer.close({ complete: true });
 */
export class ParquetPartWriter {
  readonly directory: string;
  readonly schema: Schema;
  readonly tableName: string;
  private readonly compression: ParquetCompression;
  private readonly rowsPerPart: number;
  private readonly flushEverySeconds: number;
  private readonly manifest: RunManifest | undefined;
  private readonly ownsManifest: boolean;
  private buffered: RecordBatch[] = [];
  private bufferedRows = 0;
  private spanT0 = Number.POSITIVE_INFINITY;
  private spanT1 = Number.NEGATIVE_INFINITY;
  private committedParts: number;
  private committedRows: number;
  /** Parts handed to `writing`, committed or not: the next part's index. */
  private startedParts: number;
  private queue: Promise<unknown> = Promise.resolve();
  /** The part being written in the background (resolves, never rejects: failures go to `failure`). */
  private writing: Promise<void> = Promise.resolve();
  private failure: unknown = undefined;
  private failureReported = false;
  private closed = false;

  private constructor(
    directory: string,
    schema: Schema,
    options: ParquetPartWriterOptions,
    manifest: RunManifest | undefined,
    position: PartPosition,
  ) {
    this.directory = directory;
    this.schema = schema;
    this.tableName = options.tableName ?? basename(directory);
    this.compression = options.compression ?? 'zstd';
    this.rowsPerPart = options.rowsPerPart ?? defaultRowsPerPart;
    this.flushEverySeconds = options.flushEverySeconds ?? Number.POSITIVE_INFINITY;
    this.manifest = manifest;
    this.ownsManifest = typeof options.manifest === 'string';
    this.committedParts = position.parts;
    this.committedRows = position.rows;
    this.startedParts = position.parts;
  }

  /** Starts a new dataset in `directory` (created if needed; it must not already hold parts). */
  static async open(directory: string, schema: Schema, options: ParquetPartWriterOptions = {}): Promise<ParquetPartWriter> {
    validateOptions(options);
    const dir = resolve(directory);
    await makeDirectory(dir);
    await removeTmpFiles(dir);
    const existing = await listDirectoryParts(dir);
    if (existing.length > 0) {
      throw invalidFile(
        dir,
        `expected an empty dataset directory, found ${existing.length} part files (resume the run or choose another output directory)`,
      );
    }
    const manifest = await openManifest(options.manifest, false);
    const writer = new ParquetPartWriter(dir, schema, options, manifest, { parts: 0, rows: 0 });
    if (manifest !== undefined) {
      await manifest.openTable(writer.tableName);
      await manifest.replaceParts(writer.tableName, []);
    }
    return writer;
  }

  /**
   * Reopens a dataset at a checkpointed position: removes `.tmp` leftovers and parts beyond the position,
   * checks that the kept parts hold exactly `position.rows` rows of this schema, restores their manifest
   * entries from the files themselves, and continues numbering after them.
   */
  static async resumeFrom(
    directory: string,
    schema: Schema,
    position: PartPosition,
    options: ParquetPartWriterOptions = {},
  ): Promise<ParquetPartWriter> {
    validateOptions(options);
    if (!(Number.isInteger(position.parts) && position.parts >= 0 && Number.isInteger(position.rows) && position.rows >= 0)) {
      throw invalidParameter('resume position', JSON.stringify(position), 'non-negative integer parts and rows');
    }
    const dir = resolve(directory);
    await makeDirectory(dir);
    await removeTmpFiles(dir);
    const manifest = await openManifest(options.manifest, true);
    const kept: ManifestPart[] = [];
    let rows = 0;
    for (const name of await listDirectoryParts(dir)) {
      const index = partIndex(name);
      const path = join(dir, name);
      if (index >= position.parts) {
        await removePart(path);
        continue;
      }
      if (index !== kept.length) {
        throw invalidFile(join(dir, partFileName(kept.length)), `missing: expected ${position.parts} committed parts to resume from`);
      }
      const part = await describePart(path, schema, manifest);
      kept.push(part);
      rows += part.rows;
    }
    if (kept.length !== position.parts) {
      throw invalidFile(join(dir, partFileName(kept.length)), `missing: expected ${position.parts} committed parts to resume from`);
    }
    if (rows !== position.rows) {
      throw invalidFile(dir, `expected ${position.rows} rows in the first ${position.parts} parts, found ${rows}`);
    }
    await syncDirectoryOrThrow(dir);
    const writer = new ParquetPartWriter(dir, schema, options, manifest, position);
    if (manifest !== undefined) {
      await manifest.openTable(writer.tableName);
      await manifest.replaceParts(writer.tableName, kept);
    }
    return writer;
  }

  /** Committed parts and rows; record it in a checkpoint after a `flush` to resume exactly there. */
  position(): PartPosition {
    return { parts: this.committedParts, rows: this.committedRows };
  }

  /**
   * Waits until no part is being written in the background, then gives the committed position. Nothing new is
   * committed: a caller that stops on an error settles its writers so that no write outlives it.
   */
  async settled(): Promise<PartPosition> {
    await this.queue;
    await this.writing;
    return this.position();
  }

  /** Rows appended but not yet committed. */
  get pendingRows(): number {
    return this.bufferedRows;
  }

  /** Buffers a batch covering `span`; commits a part when it reaches `rowsPerPart` rows or `flushEverySeconds`. */
  async append(batch: RecordBatch, span: TimeSpan): Promise<void> {
    this.checkOpen('append');
    if (!sameColumns(batch.schema, this.schema)) {
      throw invalidParameter(`${this.tableName} batch columns`, describeColumns(batch.schema), describeColumns(this.schema));
    }
    if (!(Number.isFinite(span.t0) && Number.isFinite(span.t1) && span.t0 <= span.t1)) {
      throw invalidParameter(`${this.tableName} batch span`, `[${span.t0}, ${span.t1})`, 'finite t0 ≤ t1');
    }
    await this.enqueue(async () => {
      if (batch.numRows > 0) {
        this.buffered.push(batch);
        this.bufferedRows += batch.numRows;
      }
      if (span.t0 < this.spanT0) this.spanT0 = span.t0;
      if (span.t1 > this.spanT1) this.spanT1 = span.t1;
      if (this.bufferedRows >= this.rowsPerPart || this.spanT1 - this.spanT0 >= this.flushEverySeconds) {
        await this.written();
        this.startPart();
      }
    });
  }

  /** Commits the buffered rows as the next part now (nothing is written when no rows are buffered). */
  async flush(): Promise<void> {
    this.checkOpen('flush');
    await this.enqueue(async () => {
      await this.written();
      this.startPart();
      await this.written();
    });
  }

  /**
   * Commits what is buffered and closes the table in the manifest; `complete: true` records a clean finish.
   * A table that received no rows still gets one empty part, so readers find its schema.
   * After a disk error the writer only releases its buffers: the error was already reported.
   */
  async close(options: { readonly complete: boolean }): Promise<void> {
    if (this.closed) {
      await this.queue;
      return;
    }
    this.closed = true;
    const closing = this.queue.then(async () => {
      await this.writing;
      if (this.failure !== undefined) {
        this.release();
        // a background write's failure that no call has reported yet
        if (!this.failureReported) this.throwFailure();
        return;
      }
      try {
        if (this.startedParts === 0 || this.bufferedRows > 0) {
          this.startPart(true);
          await this.written();
        }
        if (this.manifest !== undefined) {
          await this.manifest.closeTable(this.tableName, options.complete);
          if (this.ownsManifest && options.complete) await this.manifest.finish();
        }
      } finally {
        this.release();
      }
    });
    this.queue = closing.catch(() => undefined);
    await closing;
  }

  private checkOpen(action: string): void {
    if (this.closed) throw new Error(`ParquetPartWriter(${this.tableName}).${action}: the writer is closed`);
  }

  /** Runs `work` after every earlier call; once a write failed, every later call rejects with that failure. */
  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(() => {
      this.throwFailure();
      return work();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Waits for the part being written in the background and rethrows its failure. */
  private async written(): Promise<void> {
    await this.writing;
    this.throwFailure();
  }

  private throwFailure(): void {
    if (this.failure === undefined) return;
    this.failureReported = true;
    throw this.failure;
  }

  /**
   * Encodes the buffered batches as the next part now (bad data throws here, to the caller) and writes it in the
   * background (`writing`); the caller has awaited the previous part. Nothing is written when no rows are
   * buffered, unless `evenIfEmpty`.
   */
  private startPart(evenIfEmpty = false): void {
    if (this.bufferedRows === 0 && !evenIfEmpty) {
      this.resetSpan();
      return;
    }
    const t0 = Number.isFinite(this.spanT0) ? this.spanT0 : 0;
    const t1 = Number.isFinite(this.spanT1) ? this.spanT1 : t0;
    const path = join(this.directory, partFileName(this.startedParts));
    let bytes: Uint8Array;
    try {
      bytes = encodeParquet(this.schema, this.buffered, {
        compression: this.compression,
        metadata: { [metadataT0]: String(t0), [metadataT1]: String(t1) },
      });
    } catch (error) {
      this.failure = error;
      this.failureReported = true;
      throw error;
    }
    const rows = this.bufferedRows;
    this.startedParts += 1;
    this.release();
    this.writing = this.writePart(path, bytes, rows, t0, t1).catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  private async writePart(path: string, bytes: Uint8Array, rows: number, t0: number, t1: number): Promise<void> {
    const { sha256 } = await writeEncodedParquet(path, bytes, rows);
    this.committedParts += 1;
    this.committedRows += rows;
    if (this.manifest !== undefined) await this.manifest.recordPart(this.tableName, { file: this.manifestFile(path), rows, t0, t1, sha256 });
  }

  private manifestFile(path: string): string {
    return this.manifest === undefined ? basename(path) : this.manifest.relativeFile(path);
  }

  private release(): void {
    this.buffered = [];
    this.bufferedRows = 0;
    this.resetSpan();
  }

  private resetSpan(): void {
    this.spanT0 = Number.POSITIVE_INFINITY;
    this.spanT1 = Number.NEGATIVE_INFINITY;
  }
}

function validateOptions(options: ParquetPartWriterOptions): void {
  const { rowsPerPart, flushEverySeconds } = options;
  if (rowsPerPart !== undefined && !(Number.isInteger(rowsPerPart) && rowsPerPart >= 1)) {
    throw invalidParameter('rowsPerPart', rowsPerPart, 'an integer ≥ 1');
  }
  if (flushEverySeconds !== undefined && !(flushEverySeconds > 0)) {
    throw invalidParameter('flushEverySeconds', flushEverySeconds, 'a duration > 0 s');
  }
}

async function openManifest(manifest: RunManifest | string | undefined, resuming: boolean): Promise<RunManifest | undefined> {
  if (typeof manifest !== 'string') return manifest;
  if (resuming && (await exists(manifest))) return RunManifest.load(manifest);
  return RunManifest.create(manifest);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** A kept part's manifest entry, rebuilt from its bytes and footer so resuming does not trust a stale manifest. */
async function describePart(path: string, schema: Schema, manifest: RunManifest | undefined): Promise<ManifestPart> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw diskError(error, path, 'read');
  }
  let footer;
  try {
    footer = await readParquetFooter(bytes);
  } catch {
    throw invalidFile(path, 'expected a committed Parquet part, found a file whose footer cannot be read');
  }
  if (!sameColumns(footer.schema, schema)) {
    throw invalidFile(path, `expected columns ${describeColumns(schema)}, found ${describeColumns(footer.schema)}`);
  }
  const t0 = Number(footer.metadata.get(metadataT0) ?? Number.NaN);
  const t1 = Number(footer.metadata.get(metadataT1) ?? Number.NaN);
  return {
    file: manifest === undefined ? basename(path) : manifest.relativeFile(path),
    rows: footer.rows,
    t0,
    t1,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

async function makeDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw diskError(error, dir, 'create directory');
  }
}

async function listDirectoryParts(dir: string): Promise<string[]> {
  try {
    return await listPartFiles(dir);
  } catch (error) {
    throw diskError(error, dir, 'list');
  }
}

/** A `.tmp` file is a part (or manifest) whose write was interrupted: it was never committed. */
async function removeTmpFiles(dir: string): Promise<void> {
  try {
    for (const name of await readdir(dir)) {
      if (name.endsWith('.tmp')) await unlink(join(dir, name));
    }
  } catch (error) {
    throw diskError(error, dir, 'remove leftover .tmp files in');
  }
}

async function removePart(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    throw diskError(error, path, 'remove');
  }
}

async function syncDirectoryOrThrow(dir: string): Promise<void> {
  try {
    await syncDirectory(dir);
  } catch (error) {
    throw diskError(error, dir, 'sync');
  }
}
