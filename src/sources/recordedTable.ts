import { access, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { DataType, type Schema, type Table, type Vector } from 'apache-arrow';
import { invalidFile } from '../core/errors.js';
import { diskError } from '../sinks/durableFile.js';
import { readManifest, type ManifestContent } from '../sinks/manifest.js';
import { listPartFiles } from '../sinks/parquetParts.js';
import { readTable } from '../sinks/readTable.js';
import { describeColumns } from '../sinks/tableSchemas.js';

/**
 * Finding a recorded table on disk (a run directory, a dataset directory of parts, or a single file) and reading
 * it back one part at a time as typed-array columns. Shared by the replay sources and `spikeflow inspect`.
 */

/** One file of a recorded table; `t0`, `t1` and `rows` are known when a run manifest lists it. */
export interface RecordedPart {
  readonly path: string;
  readonly t0?: number;
  readonly t1?: number;
  readonly rows?: number;
}

/** The run a table belongs to: its manifest and where that manifest lives. */
export interface RecordedRun {
  readonly directory: string;
  readonly manifestPath: string;
  readonly manifest: ManifestContent;
}

export interface RecordedTable {
  /** The path as the caller gave it, for messages. */
  readonly path: string;
  readonly name: string;
  /** Committed parts in time order; a single file is one part. */
  readonly parts: readonly RecordedPart[];
  readonly run?: RecordedRun;
}

const expectedPath = 'expected a run directory, a dataset directory of part-*.parquet files, or a .parquet/.arrow file';

/** What lives at `path`: a run directory (with manifest.json), a dataset directory of parts, or a table file. */
export async function pathKind(path: string): Promise<'run' | 'dataset' | 'file'> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    if (systemCode(error) === 'ENOENT') throw invalidFile(path, `${expectedPath}, found nothing at this path`);
    throw diskError(error, path, 'read');
  }
  if (!isDirectory) return 'file';
  return (await exists(join(path, 'manifest.json'))) ? 'run' : 'dataset';
}

/**
 * Locates one table. In a run directory the first of `preferred` that the manifest lists is taken, else the table
 * whose parts lie in the directory itself (a dataset written with its own manifest), else the only table. A
 * dataset directory takes its parts from the parent run's manifest when it lists them (committed parts only),
 * else from the numbered part files. A file is a one-part table.
 */
export async function locateTable(path: string, preferred: readonly string[] = []): Promise<RecordedTable> {
  const kind = await pathKind(path);
  const target = resolve(path);
  if (kind === 'file') return { path, name: basename(path, extname(path)), parts: [{ path: target }] };
  if (kind === 'run') {
    const run = await readRun(target);
    const name = chooseTable(path, run, target, preferred);
    return { path, name, parts: manifestParts(run, name), run };
  }
  const parentManifest = join(dirname(target), 'manifest.json');
  if (await exists(parentManifest)) {
    const run = await readRun(dirname(target));
    const own = tablesIn(run, target);
    if (own.length === 1) return { path, name: own[0], parts: manifestParts(run, own[0]), run };
  }
  let names: string[];
  try {
    names = await listPartFiles(target);
  } catch (error) {
    throw diskError(error, path, 'list');
  }
  if (names.length === 0) throw invalidFile(path, `${expectedPath}, found a directory without manifest.json or parts`);
  return { path, name: basename(target), parts: names.map((name) => ({ path: join(target, name) })) };
}

/** Reads the manifest of a run directory. */
export async function readRun(directory: string): Promise<RecordedRun> {
  const manifestPath = join(directory, 'manifest.json');
  return { directory, manifestPath, manifest: await readManifest(manifestPath) };
}

/** The parts of a manifest table, with absolute paths and the spans and row counts the manifest records. */
export function manifestParts(run: RecordedRun, name: string): RecordedPart[] {
  return run.manifest.tables[name].parts.map((part) => ({
    path: resolve(run.directory, part.file),
    t0: part.t0,
    t1: part.t1,
    rows: part.rows,
  }));
}

function chooseTable(path: string, run: RecordedRun, directory: string, preferred: readonly string[]): string {
  const names = Object.keys(run.manifest.tables);
  const wanted = preferred.find((name) => names.includes(name));
  if (wanted !== undefined) return wanted;
  const own = tablesIn(run, directory);
  if (own.length === 1) return own[0];
  if (names.length === 1) return names[0];
  if (names.length === 0) throw invalidFile(run.manifestPath, 'expected a run manifest listing at least one table, found none');
  const wish = preferred.length > 0 ? `a table named ${preferred.join(' or ')}` : 'a single table';
  throw invalidFile(path, `expected ${wish}, found a run directory with tables ${names.join(', ')} (give e.g. ${join(path, names[0])})`);
}

/** Manifest tables whose parts lie directly in `directory`. */
function tablesIn(run: RecordedRun, directory: string): string[] {
  return Object.entries(run.manifest.tables)
    .filter(([, table]) => table.parts.length > 0 && table.parts.every((part) => dirname(resolve(run.directory, part.file)) === directory))
    .map(([name]) => name);
}

/** Typed-array columns of some rows of a recorded table, in file order. */
export interface RecordedRows {
  readonly neuron: Int32Array;
  readonly t: Float64Array;
  /** Present for state tables only. */
  readonly value?: Float64Array;
}

export interface PartRows extends RecordedRows {
  readonly schema: Schema;
  /** The `[t0, t1)` a spikeflow writer stored in the part's footer, when it did. */
  readonly span?: { readonly t0: number; readonly t1: number };
}

export type RecordedKind = 'spikes' | 'state';

/**
 * Reads one part (or file) whole and returns its columns as typed arrays: `neuron` as Int32Array and `t` (and
 * `value` for state) as Float64Array, converting other integer and float widths. Errors name the file and say
 * which columns were expected.
 */
export async function readPartRows(path: string, kind: RecordedKind): Promise<PartRows> {
  const table = await readTable(path);
  const { schema } = table;
  const has = (name: string) => schema.fields.some((field) => field.name === name);
  const expected = kind === 'spikes' ? 'a spike table (neuron: integer, t: float)' : 'a state table (neuron: integer, t: float, value: float)';
  if (!has('neuron') || !has('t') || (kind === 'state' && !has('value'))) {
    throw invalidFile(path, `expected ${expected}, found columns ${describeColumns(schema) || 'none'}`);
  }
  if (kind === 'spikes' && has('value')) {
    throw invalidFile(path, `expected ${expected}, found a state table (${describeColumns(schema)}): replay it with replayState`);
  }
  const neuron = intColumn(path, table, 'neuron', expected);
  const t = floatColumn(path, table, 't', expected);
  const value = kind === 'state' ? floatColumn(path, table, 'value', expected) : undefined;
  const t0 = Number(schema.metadata.get('spikeflow.t0'));
  const t1 = Number(schema.metadata.get('spikeflow.t1'));
  const span = schema.metadata.has('spikeflow.t0') && Number.isFinite(t0) && Number.isFinite(t1) ? { t0, t1 } : undefined;
  return { schema, neuron, t, value, span };
}

function column(path: string, table: Table, name: string, expected: string): Vector {
  const vector = table.getChild(name)!;
  if (vector.nullCount > 0) throw invalidFile(path, `expected ${expected} without nulls, found ${vector.nullCount} nulls in column ${name}`);
  return vector;
}

function intColumn(path: string, table: Table, name: string, expected: string): Int32Array {
  const vector = column(path, table, name, expected);
  const type = vector.type;
  if (!DataType.isInt(type)) throw invalidFile(path, `expected ${expected}, found ${name}: ${String(type)}`);
  if (type.bitWidth === 32 && type.isSigned) return vector.toArray() as Int32Array;
  const source = vector.toArray() as ArrayLike<number | bigint>;
  const out = new Int32Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const v = Number(source[i]);
    out[i] = v;
    if (out[i] !== v) throw invalidFile(path, `expected ${name} values that fit a 32-bit integer, found ${v} in row ${i}`);
  }
  return out;
}

function floatColumn(path: string, table: Table, name: string, expected: string): Float64Array {
  const vector = column(path, table, name, expected);
  const type = vector.type;
  if (!DataType.isFloat(type) || String(type) === 'Float16') throw invalidFile(path, `expected ${expected}, found ${name}: ${String(type)}`);
  const values = vector.toArray() as Float64Array | Float32Array;
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function systemCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}
