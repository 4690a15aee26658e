import { extname } from 'node:path';
import { DataType, type Table, type Vector } from 'apache-arrow';
import { invalidFile, invalidParameter } from '../core/errors.js';
import { ArrowIpcWriter } from '../sinks/arrowIpc.js';
import { writeParquetFile } from '../sinks/parquetParts.js';
import { readTable } from '../sinks/readTable.js';
import { columnsToBatch, edgeSchema } from '../sinks/tableSchemas.js';
import type { Csr } from './csr.js';
import { targetArray } from './targetArray.js';

/** Rows per record batch when writing, so Arrow's encoder works on bounded pieces. */
const rowsPerBatch = 1 << 20;
const maxEdges = 2 ** 31 - 1;

/**
 * Writes connectivity as an edge list, one row per synapse in CSR order: `pre:int32, post:int32`, plus
 * `weight:float64` when the CSR has per-synapse weights. The format follows the extension:
 * `.parquet` (ZSTD, written atomically) or `.arrow` / `.feather` (Arrow IPC file).
 *
 * @example
 * await writeEdgeList(fixedInDegree(1000, 100, random), 'results/network.parquet');
 *
 * @param csr connectivity by presynaptic neuron
 * @param path destination; its extension chooses the format
 */
export async function writeEdgeList(csr: Csr, path: string): Promise<void> {
  const extension = extname(path).toLowerCase();
  if (extension !== '.parquet' && extension !== '.arrow' && extension !== '.feather') {
    throw invalidParameter('edge list path', path, 'a file name ending in .parquet, .arrow or .feather');
  }
  const edges = csr.offsets[csr.size];
  const pre = new Int32Array(edges);
  for (let neuron = 0; neuron < csr.size; neuron++) pre.fill(neuron, csr.offsets[neuron], csr.offsets[neuron + 1]);
  const post = csr.targets instanceof Int32Array ? csr.targets.subarray(0, edges) : Int32Array.from(csr.targets.subarray(0, edges));
  const schema = edgeSchema(csr.weights !== undefined);
  const batches = [];
  let start = 0;
  do {
    const end = Math.min(edges, start + rowsPerBatch);
    const columns: Record<string, Int32Array | Float64Array> = { pre: pre.subarray(start, end), post: post.subarray(start, end) };
    if (csr.weights !== undefined) columns.weight = csr.weights.subarray(start, end);
    batches.push(columnsToBatch(schema, columns));
    start = end;
  } while (start < edges);
  if (extension === '.parquet') {
    await writeParquetFile(path, schema, batches);
    return;
  }
  const writer = new ArrowIpcWriter(path, schema);
  try {
    for (const batch of batches) await writer.write(batch);
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/**
 * Reads an edge list (Parquet, Arrow IPC, or a dataset directory) into CSR by presynaptic neuron,
 * keeping the file's order of synapses within each presynaptic neuron (a stable counting sort).
 * Index columns may be any integer type, or floats holding integers, since other simulators export int64.
 * A `weight` column, when present, becomes per-synapse weights. Rows are numbered from 0 in error messages.
 *
 * @example
 * const csr = await readEdgeList('brian2-synapses.parquet', 10_000);
 *
 * @param path the edge list file or dataset directory
 * @param size number of neurons N: indices must lie in [0, N)
 */
export async function readEdgeList(path: string, size: number): Promise<Csr> {
  if (!(Number.isInteger(size) && size >= 1 && size <= maxEdges)) {
    throw invalidParameter('N', size, `an integer in [1, ${maxEdges}]`);
  }
  const table = await readTable(path);
  const edges = table.numRows;
  if (edges > maxEdges) throw invalidFile(path, `expected at most ${maxEdges} edges, found ${edges}`);
  const pre = indexColumn(path, table, 'pre', size);
  const post = indexColumn(path, table, 'post', size);
  const weight = table.getChild('weight');
  const weights = weight === null ? undefined : weightColumn(path, weight);

  const offsets = new Int32Array(size + 1);
  for (let i = 0; i < edges; i++) offsets[pre[i] + 1]++;
  for (let neuron = 0; neuron < size; neuron++) offsets[neuron + 1] += offsets[neuron];
  const cursor = offsets.slice(0, size);
  const targets = targetArray(size, edges);
  if (weights === undefined) {
    for (let i = 0; i < edges; i++) targets[cursor[pre[i]]++] = post[i];
    return { size, offsets, targets };
  }
  const sortedWeights = new Float64Array(edges);
  for (let i = 0; i < edges; i++) {
    const slot = cursor[pre[i]]++;
    targets[slot] = post[i];
    sortedWeights[slot] = weights[i];
  }
  return { size, offsets, targets, weights: sortedWeights };
}

type IntegerArray = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;
type FloatArray = Float32Array | Float64Array;
type BigIntArray = BigInt64Array | BigUint64Array;

/** A neuron index column as Int32Array, checking every value is an integer in [0, size). */
function indexColumn(path: string, table: Table, name: string, size: number): Int32Array {
  const column = table.getChild(name);
  if (column === null) {
    const found = table.schema.fields.map((field) => field.name).join(', ') || 'none';
    throw invalidFile(path, `missing column ${name}: expected columns pre, post (neuron indices) and optionally weight, found ${found}`);
  }
  const values = numericValues(path, name, column);
  const indices = new Int32Array(values.length);
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    copyBigIntIndices(path, name, values, size, indices);
  } else if (values instanceof Float32Array || values instanceof Float64Array) {
    copyFloatIndices(path, name, values, size, indices);
  } else {
    copyIntegerIndices(path, name, values, size, indices);
  }
  return indices;
}

function copyIntegerIndices(path: string, name: string, values: IntegerArray, size: number, out: Int32Array): void {
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value < 0 || value >= size) throw indexOutOfRange(path, name, row, value, size);
    out[row] = value;
  }
}

function copyFloatIndices(path: string, name: string, values: FloatArray, size: number, out: Int32Array): void {
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (!(value >= 0 && value < size && Number.isInteger(value))) throw indexOutOfRange(path, name, row, value, size);
    out[row] = value;
  }
}

function copyBigIntIndices(path: string, name: string, values: BigIntArray, size: number, out: Int32Array): void {
  const limit = BigInt(size);
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value < 0n || value >= limit) throw indexOutOfRange(path, name, row, value, size);
    out[row] = Number(value);
  }
}

function indexOutOfRange(path: string, name: string, row: number, value: number | bigint, size: number): Error {
  return invalidFile(path, `column ${name}, row ${row}: expected a neuron index in [0, ${size}) for N = ${size}, found ${String(value)}`);
}

function weightColumn(path: string, column: Vector): Float64Array {
  const values = numericValues(path, 'weight', column);
  const weights = values instanceof Float64Array ? values : new Float64Array(values.length);
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    for (let row = 0; row < values.length; row++) weights[row] = Number(values[row]);
  } else if (values !== weights) {
    weights.set(values);
  }
  for (let row = 0; row < weights.length; row++) {
    if (!Number.isFinite(weights[row])) {
      throw invalidFile(path, `column weight, row ${row}: expected a finite weight, found ${weights[row]}`);
    }
  }
  return weights;
}

/** The column's values as one typed array; only null-free integer and float32/float64 columns qualify. */
function numericValues(path: string, name: string, column: Vector): IntegerArray | FloatArray | BigIntArray {
  const type = column.type as DataType;
  const numeric = DataType.isInt(type) || (DataType.isFloat(type) && String(type) !== 'Float16');
  if (!numeric) throw invalidFile(path, `column ${name}: expected integers (int32, int64, uint32, …) or float64, found ${String(type)}`);
  if (column.nullCount > 0) throw invalidFile(path, `column ${name}: expected no missing values, found ${column.nullCount}`);
  return column.toArray() as IntegerArray | FloatArray | BigIntArray;
}
