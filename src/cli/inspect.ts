import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataType, type Schema } from 'apache-arrow';
import { invalidFile } from '../core/errors.js';
import { diskError } from '../sinks/durableFile.js';
import { readParquetFooter } from '../sinks/parquetCodec.js';
import { readTable } from '../sinks/readTable.js';
import { describeColumns, sameColumns } from '../sinks/tableSchemas.js';
import { locateTable, manifestParts, pathKind, readRun } from '../sources/recordedTable.js';

export interface ColumnInfo {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
}

/** A table of a run directory, described from its manifest (spans) and its first part's footer (columns). */
export interface RunTableInfo {
  readonly name: string;
  /** Null when the table has no committed part yet. */
  readonly columns: readonly ColumnInfo[] | null;
  readonly rows: number;
  readonly parts: number;
  /** The simulated time `[t0, t1)` its committed parts cover, in seconds. */
  readonly span: { readonly t0: number; readonly t1: number } | null;
  readonly complete: boolean;
}

export interface RunInfo {
  readonly kind: 'run';
  readonly path: string;
  readonly complete: boolean;
  /** The latest simulated time any committed part reaches (s); null before the first commit. */
  readonly lastCommittedTime: number | null;
  /** Whether `checkpoint.json` exists, and the simulated time it was taken at when readable. */
  readonly checkpoint: { readonly exists: boolean; readonly time: number | null };
  readonly params: Readonly<Record<string, unknown>>;
  readonly tables: readonly RunTableInfo[];
  /** The scalar entries of `summary.json`, or null when the run has none (yet). */
  readonly summary: Readonly<Record<string, string | number | boolean | null>> | null;
}

/** A single table file, or a dataset directory of parts, described from its data. */
export interface TableFileInfo {
  readonly kind: 'file' | 'dataset';
  readonly path: string;
  readonly columns: readonly ColumnInfo[];
  readonly rows: number;
  readonly parts: number;
  /** Smallest and largest value of the `t` column, or null without a numeric `t` column or rows. */
  readonly time: { readonly min: number; readonly max: number } | null;
}

export type Inspection = RunInfo | TableFileInfo;

/**
 * Describes a run directory (parameters, completeness, checkpoint, each table's columns, rows, parts and time span,
 * summary highlights) or a table file / dataset directory (columns, rows, range of `t`). Dataset parts are read one
 * at a time, so memory stays bounded by one part.
 *
 * @example
 * ```ts
 * const info = await inspectPath('results/run-1');
 * if (info.kind === 'run' && !info.complete) console.log(`interrupted at ${info.lastCommittedTime} s`);
 * ```
 * @param path a run directory, a dataset directory, or a `.parquet` / `.arrow` file
 * @throws SpikeflowError (exit 2) when nothing readable is at `path`
 */
export async function inspectPath(path: string): Promise<Inspection> {
  const kind = await pathKind(path);
  return kind === 'run' ? inspectRun(path) : inspectData(path, kind);
}

async function inspectRun(path: string): Promise<RunInfo> {
  const run = await readRun(resolve(path));
  const tables: RunTableInfo[] = [];
  let lastCommittedTime: number | null = null;
  for (const [name, table] of Object.entries(run.manifest.tables)) {
    const parts = manifestParts(run, name);
    const first = parts[0];
    const last = parts.at(-1);
    if (last !== undefined) lastCommittedTime = Math.max(lastCommittedTime ?? Number.NEGATIVE_INFINITY, last.t1 ?? 0);
    tables.push({
      name,
      columns: first === undefined ? null : columnsOf((await footerOf(first.path)).schema),
      rows: table.rows,
      parts: parts.length,
      span: first === undefined || last === undefined ? null : { t0: first.t0 ?? 0, t1: last.t1 ?? 0 },
      complete: table.complete,
    });
  }
  const checkpointText = await readOptional(join(run.directory, 'checkpoint.json'));
  const checkpointTime = parseJson(checkpointText)?.time;
  const summary = parseJson(await readOptional(join(run.directory, 'summary.json')));
  return {
    kind: 'run',
    path,
    complete: run.manifest.complete,
    lastCommittedTime,
    checkpoint: { exists: checkpointText !== undefined, time: typeof checkpointTime === 'number' ? checkpointTime : null },
    params: run.manifest.params,
    tables,
    summary: summary === undefined ? null : highlights(summary),
  };
}

async function inspectData(path: string, kind: 'file' | 'dataset'): Promise<TableFileInfo> {
  const table = await locateTable(path);
  let schema: Schema | undefined;
  let rows = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const part of table.parts) {
    const data = await readTable(part.path);
    if (schema === undefined) schema = data.schema;
    else if (!sameColumns(data.schema, schema)) {
      throw invalidFile(part.path, `expected the dataset's columns ${describeColumns(schema)}, found ${describeColumns(data.schema)}`);
    }
    rows += data.numRows;
    const t = data.getChild('t');
    if (t !== null && (DataType.isFloat(t.type) || DataType.isInt(t.type))) {
      const values = t.toArray() as ArrayLike<number | bigint>;
      for (let i = 0; i < values.length; i++) {
        const value = Number(values[i]);
        if (value < min) min = value;
        if (value > max) max = value;
      }
    }
  }
  return {
    kind,
    path,
    columns: columnsOf(schema!),
    rows,
    parts: table.parts.length,
    time: min <= max ? { min, max } : null,
  };
}

async function footerOf(partPath: string) {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(partPath);
  } catch (error) {
    if (systemCode(error) === 'ENOENT') throw invalidFile(partPath, 'expected a committed part listed in the run manifest, found no file');
    throw diskError(error, partPath, 'read');
  }
  try {
    return await readParquetFooter(bytes);
  } catch {
    throw invalidFile(partPath, 'expected a committed Parquet part, found a file whose footer cannot be read');
  }
}

function columnsOf(schema: Schema): ColumnInfo[] {
  return schema.fields.map((field) => ({ name: field.name, type: String(field.type), nullable: field.nullable }));
}

/** Top-level scalars of a summary; nested objects such as the repeated `params` are left out. */
function highlights(summary: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(summary)) {
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (systemCode(error) === 'ENOENT') return undefined;
    throw diskError(error, path, 'read');
  }
}

/** A JSON object, or undefined: a torn or foreign side file must not stop inspection of the data. */
function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function systemCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** Human-readable report of an inspection, one fact per line. */
export function formatInspection(info: Inspection): string {
  const lines: string[] = [];
  if (info.kind === 'run') {
    lines.push(`run directory ${info.path}`);
    const checkpoint = info.checkpoint.exists ? `yes${info.checkpoint.time === null ? '' : ` (t = ${formatValue(info.checkpoint.time)} s)`}` : 'no';
    if (info.complete) lines.push('  complete: yes');
    else {
      const committed = info.lastCommittedTime === null ? 'nothing committed yet' : `committed up to t = ${formatValue(info.lastCommittedTime)} s`;
      lines.push(`  complete: no (${committed}; checkpoint: ${checkpoint})`);
    }
    if (info.complete && info.checkpoint.exists) lines.push(`  checkpoint: ${checkpoint}`);
    if (Object.keys(info.params).length > 0) {
      lines.push('  parameters:');
      pushParams(lines, info.params, '    ');
    }
    for (const table of info.tables) {
      const span = table.span === null ? 'no committed part' : `t in [${formatValue(table.span.t0)}, ${formatValue(table.span.t1)}) s`;
      lines.push(`  table ${table.name}: ${table.rows} rows in ${table.parts} part${table.parts === 1 ? '' : 's'}, ${span}${table.complete ? '' : ', incomplete'}`);
      if (table.columns !== null) lines.push(`    columns: ${formatColumns(table.columns)}`);
    }
    if (info.summary !== null) {
      lines.push('  summary:');
      for (const [key, value] of Object.entries(info.summary)) lines.push(`    ${key} = ${typeof value === 'number' ? formatValue(value) : String(value)}`);
    }
  } else {
    lines.push(info.kind === 'file' ? `file ${info.path}` : `dataset directory ${info.path} (${info.parts} part${info.parts === 1 ? '' : 's'})`);
    lines.push(`  rows: ${info.rows}`);
    lines.push(`  columns: ${formatColumns(info.columns)}`);
    if (info.time !== null) lines.push(`  t: ${formatValue(info.time.min)} to ${formatValue(info.time.max)}`);
  }
  return lines.join('\n');
}

function formatColumns(columns: readonly ColumnInfo[]): string {
  return columns.map((column) => `${column.name}: ${column.type}${column.nullable ? ' (nullable)' : ''}`).join(', ');
}

/** Integers in full, other numbers to 6 significant digits. */
function formatValue(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** Parameters are shown exactly as stored (SI values); nested groups such as the CLI's `values` are indented. */
function pushParams(lines: string[], params: Readonly<Record<string, unknown>>, indent: string): void {
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      lines.push(`${indent}${key}:`);
      pushParams(lines, value as Record<string, unknown>, `${indent}  `);
    } else lines.push(`${indent}${key} = ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
}

/**
 * Adds `spikeflow inspect PATH [--json]`: the report of {@link inspectPath} as text, or as JSON for scripts.
 * A path with nothing readable gives one line on stderr and exit code 2.
 *
 * @example
 * ```ts
 * main({ pipelines, analyses, extend: registerInspect });
 * ```
 * @param program the `spikeflow` command to add the verb to
 */
export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('show schema, rows, time span, run parameters and completeness of a run directory, dataset or table file')
    .argument('<path>', 'run directory, dataset directory of part files, or .parquet/.arrow file')
    .option('--json', 'print machine-readable JSON')
    .action(async (path: string, options: { json?: boolean }) => {
      const info = await inspectPath(path);
      process.stdout.write(options.json ? `${JSON.stringify(info, null, 2)}\n` : `${formatInspection(info)}\n`);
    });
}
