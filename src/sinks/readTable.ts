import { access, readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { Schema, Table, tableFromIPC, type RecordBatch } from 'apache-arrow';
import { invalidFile } from '../core/errors.js';
import { diskError } from './durableFile.js';
import { readManifest, type ManifestContent } from './manifest.js';
import { decodeParquet, withSchema } from './parquetCodec.js';
import { listPartFiles } from './parquetParts.js';
import { describeColumns, sameColumns } from './tableSchemas.js';

const expectedFormats = 'expected a Parquet or Arrow IPC file';

/**
 * Reads a whole table: a `.parquet` file, an Arrow IPC file or stream (`.arrow`, `.arrows`, `.feather` v2),
 * or a Parquet dataset directory written by {@link ParquetPartWriter}. The format is recognised by the file's
 * signature, not its extension. A dataset's parts are concatenated in commit order, as listed by the run
 * manifest when there is one (the dataset's directory or its parent), else by their numbered names;
 * `.tmp` files of an interrupted write are never read.
 *
 * @example
 * const spikes = await readTable('results/run-1/spikes');
 * const neuron = spikes.getChild('neuron')!.toArray() as Int32Array;
 */
export async function readTable(path: string): Promise<Table> {
  const target = resolve(path);
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(target)).isDirectory();
  } catch (error) {
    if (isMissing(error)) throw invalidFile(path, `${expectedFormats} or a dataset directory, found nothing at this path`);
    throw diskError(error, path, 'read');
  }
  return isDirectory ? readDataset(path, target) : readTableFile(path);
}

async function readTableFile(path: string): Promise<Table> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw diskError(error, path, 'read');
  }
  const format = detectFormat(bytes);
  if (format === undefined) throw invalidFile(path, `${expectedFormats}, found ${describeContent(path, bytes)}`);
  try {
    return format === 'parquet' ? decodeParquet(bytes) : tableFromIPC(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidFile(path, `${expectedFormats}, found a damaged ${format === 'parquet' ? 'Parquet' : 'Arrow IPC'} file (${firstLine(reason)})`);
  }
}

type Format = 'parquet' | 'arrow-file' | 'arrow-stream';

function detectFormat(bytes: Uint8Array): Format | undefined {
  if (startsWith(bytes, 'PAR1')) return 'parquet';
  if (startsWith(bytes, 'ARROW1')) return 'arrow-file';
  // An IPC stream starts with a message: the 0xFFFFFFFF continuation marker, or a bare length in pre-0.15 streams.
  if (bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff) return 'arrow-stream';
  return undefined;
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}

/** A short description of what a file is instead, e.g. `text starting "neuron,t"` for a CSV. */
function describeContent(path: string, bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file';
  const head = bytes.subarray(0, 24);
  const printable = head.every((byte) => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127));
  if (printable) return `text starting ${JSON.stringify(new TextDecoder().decode(head).split('\n')[0])}`;
  const extension = extname(path);
  return `a file with neither signature${extension ? ` (extension ${extension})` : ''}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

async function readDataset(path: string, directory: string): Promise<Table> {
  const partPaths = (await partsFromManifest(path, directory)) ?? (await partsFromNames(path, directory));
  let schema: Schema | undefined;
  const batches: RecordBatch[] = [];
  for (const partPath of partPaths) {
    const part = await readPart(partPath);
    if (schema === undefined) schema = new Schema(part.schema.fields);
    else if (!sameColumns(part.schema, schema)) {
      throw invalidFile(partPath, `expected the dataset's columns ${describeColumns(schema)}, found ${describeColumns(part.schema)}`);
    }
    for (const batch of part.batches) if (batch.numRows > 0) batches.push(withSchema(batch, schema));
  }
  if (schema === undefined) throw invalidFile(path, 'expected a dataset with at least one part');
  return new Table(schema, batches);
}

async function readPart(partPath: string): Promise<Table> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(partPath);
  } catch (error) {
    if (isMissing(error)) throw invalidFile(partPath, 'expected a committed part listed in the run manifest, found no file');
    throw diskError(error, partPath, 'read');
  }
  if (detectFormat(bytes) !== 'parquet') throw invalidFile(partPath, `expected a Parquet part, found ${describeContent(partPath, bytes)}`);
  try {
    return decodeParquet(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidFile(partPath, `expected a Parquet part, found a damaged file (${firstLine(reason)})`);
  }
}

/** The dataset's parts as the run manifest lists them, or undefined when no manifest describes this directory. */
async function partsFromManifest(path: string, directory: string): Promise<string[] | undefined> {
  for (const manifestPath of [join(directory, 'manifest.json'), join(dirname(directory), 'manifest.json')]) {
    if (!(await exists(manifestPath))) continue;
    const manifest = await readManifest(manifestPath);
    const runDirectory = dirname(manifestPath);
    const tables = Object.entries(manifest.tables);
    const own = tables.find(([, table]) => table.parts.some((part) => dirname(resolve(runDirectory, part.file)) === directory));
    if (own !== undefined) return own[1].parts.map((part) => resolve(runDirectory, part.file));
    if (runDirectory === directory) return partsOfRunDirectory(path, runDirectory, manifest);
  }
  return undefined;
}

/** A run directory stands for its table when it has exactly one. */
function partsOfRunDirectory(path: string, runDirectory: string, manifest: ManifestContent): string[] | undefined {
  const names = Object.keys(manifest.tables);
  if (names.length === 0) return undefined;
  if (names.length > 1) {
    throw invalidFile(path, `expected one table, found a run directory with tables ${names.join(', ')} (read e.g. ${join(path, names[0])})`);
  }
  return manifest.tables[names[0]].parts.map((part) => resolve(runDirectory, part.file));
}

async function partsFromNames(path: string, directory: string): Promise<string[]> {
  let names: string[];
  try {
    names = await listPartFiles(directory);
  } catch (error) {
    throw diskError(error, path, 'list');
  }
  if (names.length === 0) {
    throw invalidFile(path, `${expectedFormats} or a dataset directory of part-*.parquet files, found a directory without parts`);
  }
  return names.map((name) => join(directory, name));
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
