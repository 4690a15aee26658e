import { mkdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { invalidFile } from '../core/errors.js';
import { diskError, writeFileAtomically, writeFileDurably } from './durableFile.js';

export const manifestVersion = 1;

/** One committed Parquet part: `file` is relative to the manifest's directory, `[t0, t1)` the simulated time it covers. */
export interface ManifestPart {
  readonly file: string;
  readonly rows: number;
  readonly t0: number;
  readonly t1: number;
  readonly sha256: string;
}

export interface ManifestTable {
  readonly parts: readonly ManifestPart[];
  readonly rows: number;
  /** True once the table's writer closed after a clean finish. */
  readonly complete: boolean;
}

export interface ManifestContent {
  readonly version: number;
  /** True only after every table closed cleanly and the run called {@link RunManifest.finish}. */
  readonly complete: boolean;
  readonly params: Readonly<Record<string, unknown>>;
  readonly tables: Readonly<Record<string, ManifestTable>>;
}

interface MutableTable {
  parts: ManifestPart[];
  rows: number;
  complete: boolean;
}

/**
 * The `manifest.json` of a run directory, shared by all of the run's table writers.
 * It is rewritten atomically after every change, so a reader (or a resumed run) always finds the list of
 * committed parts as of the last commit; `complete` stays false until the run finishes cleanly.
 *
 * @example
 * const manifest = await RunManifest.create('results/run-1/manifest.json', { seed: 42 });
 * const spikes = await ParquetPartWriter.open('results/run-1/spikes', spikeSchema, { tableName: 'spikes', manifest });
 * // … append, then:
 * await spikes.close({ complete: true });
 * await manifest.finish();
 */
export class RunManifest {
  readonly path: string;
  private complete = false;
  private params: Record<string, unknown>;
  private readonly tables = new Map<string, MutableTable>();
  private writes: Promise<void> = Promise.resolve();
  /** The content of the last write issued. */
  private lastText?: string;
  /**
   * Whether writes wait for the disk (fsync). A new run's manifest lists no parts until the first commit, and a
   * crash before then loses nothing, so until then its writes skip the fsyncs (four per run, on the path to the
   * first step).
   */
  private durable: boolean;

  private constructor(path: string, params: Record<string, unknown>, durable: boolean) {
    this.path = resolve(path);
    this.params = params;
    this.durable = durable;
  }

  /** Starts a new manifest at `path` (creating its directory) and writes it. */
  static async create(path: string, params: Record<string, unknown> = {}): Promise<RunManifest> {
    const manifest = new RunManifest(path, structuredClone(params), false);
    try {
      await mkdir(manifest.directory, { recursive: true });
    } catch (error) {
      throw diskError(error, manifest.directory, 'create directory');
    }
    await manifest.save();
    return manifest;
  }

  /** Reopens an existing manifest to continue its run; it is marked incomplete until the run finishes again. */
  static async load(path: string): Promise<RunManifest> {
    const content = parseManifest(path, await readManifestText(path));
    const manifest = new RunManifest(path, { ...content.params }, true);
    for (const [name, table] of Object.entries(content.tables)) {
      manifest.tables.set(name, { parts: [...table.parts], rows: table.rows, complete: false });
    }
    await manifest.save();
    return manifest;
  }

  /** The run directory: part files are listed relative to it. */
  get directory(): string {
    return dirname(this.path);
  }

  /** A copy of the current content. */
  content(): ManifestContent {
    const tables: Record<string, ManifestTable> = {};
    for (const [name, table] of this.tables) tables[name] = { parts: [...table.parts], rows: table.rows, complete: table.complete };
    return { version: manifestVersion, complete: this.complete, params: structuredClone(this.params), tables };
  }

  /** The path of a part file as the manifest lists it: relative to the run directory, with forward slashes. */
  relativeFile(absolutePath: string): string {
    const path = relative(this.directory, absolutePath);
    if (path.startsWith('..') || isAbsolute(path)) {
      throw invalidFile(absolutePath, `expected a part file inside the run directory ${this.directory}`);
    }
    return path.split(sep).join('/');
  }

  /** Replaces the run parameters, e.g. when a resumed run extends its planned duration. */
  async updateParams(params: Record<string, unknown>): Promise<void> {
    this.params = structuredClone(params);
    await this.save();
  }

  /** Registers a table that is being written (again): it is incomplete until its writer closes cleanly. */
  async openTable(name: string): Promise<void> {
    const table = this.tables.get(name);
    if (table === undefined) this.tables.set(name, { parts: [], rows: 0, complete: false });
    else table.complete = false;
    this.complete = false;
    await this.save();
  }

  /** Records a committed part; called by the table's writer right after the part's rename. */
  async recordPart(name: string, part: ManifestPart): Promise<void> {
    const table = this.requireTable(name);
    table.parts.push(part);
    table.rows += part.rows;
    this.durable = true;
    await this.save();
  }

  /** Replaces a table's part list, as a resumed writer does after discarding parts beyond its checkpoint. */
  async replaceParts(name: string, parts: readonly ManifestPart[]): Promise<void> {
    const table = this.requireTable(name);
    table.parts = [...parts];
    table.rows = parts.reduce((sum, part) => sum + part.rows, 0);
    if (parts.length > 0) this.durable = true;
    await this.save();
  }

  /** Marks a table closed; `complete` says whether it closed after a clean finish. */
  async closeTable(name: string, complete: boolean): Promise<void> {
    this.requireTable(name).complete = complete;
    this.durable = true;
    await this.save();
  }

  /** Marks the run complete; every table must have been closed cleanly first. */
  async finish(): Promise<void> {
    const open = [...this.tables].filter(([, table]) => !table.complete).map(([name]) => name);
    if (open.length > 0) throw new Error(`RunManifest.finish: tables not closed cleanly: ${open.join(', ')}`);
    this.complete = true;
    await this.save();
  }

  private requireTable(name: string): MutableTable {
    const table = this.tables.get(name);
    if (table === undefined) throw new Error(`RunManifest: table ${name} was not opened`);
    return table;
  }

  /**
   * Writes are chained so that concurrent table writers never interleave two rewrites of the same file. A change
   * that leaves the content as last written (e.g. no parts replaced by no parts) costs no write: each is two fsyncs.
   */
  private save(): Promise<void> {
    const text = `${JSON.stringify(this.content(), null, 2)}\n`;
    if (text === this.lastText) return this.writes;
    this.lastText = text;
    const writeFile = this.durable ? writeFileDurably : writeFileAtomically;
    const write = this.writes.catch(() => undefined).then(() => writeFile(this.path, text));
    this.writes = write;
    return write;
  }
}

/** Reads and validates a manifest without taking ownership of it, e.g. to list a dataset's parts. */
export async function readManifest(path: string): Promise<ManifestContent> {
  return parseManifest(path, await readManifestText(path));
}

async function readManifestText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw diskError(error, path, 'read manifest');
  }
}

function parseManifest(path: string, text: string): ManifestContent {
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    throw invalidFile(path, 'expected a JSON run manifest, found text that is not valid JSON');
  }
  if (!isRecord(content) || typeof content.version !== 'number' || !isRecord(content.tables)) {
    throw invalidFile(path, 'expected a run manifest with "version" and "tables"');
  }
  if (content.version > manifestVersion) {
    throw invalidFile(path, `expected manifest version ≤ ${manifestVersion}, found ${content.version}`);
  }
  const tables: Record<string, ManifestTable> = {};
  for (const [name, table] of Object.entries(content.tables)) {
    if (!isRecord(table) || !Array.isArray(table.parts) || !table.parts.every(isPart)) {
      throw invalidFile(path, `expected table "${name}" to list parts as {file, rows, t0, t1, sha256}`);
    }
    const parts = table.parts as ManifestPart[];
    tables[name] = { parts, rows: parts.reduce((sum, part) => sum + part.rows, 0), complete: table.complete === true };
  }
  return {
    version: content.version,
    complete: content.complete === true,
    params: isRecord(content.params) ? content.params : {},
    tables,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPart(value: unknown): value is ManifestPart {
  return (
    isRecord(value) &&
    typeof value.file === 'string' &&
    typeof value.rows === 'number' &&
    typeof value.t0 === 'number' &&
    typeof value.t1 === 'number' &&
    typeof value.sha256 === 'string'
  );
}
