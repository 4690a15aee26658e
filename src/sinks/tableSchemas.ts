import {
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  type Data,
  type DataType,
} from 'apache-arrow';
import { invalidParameter } from '../core/errors.js';
import type { SpikeFrame, StateFrame } from '../core/frame.js';

/**
 * Arrow schemas of the tables spikeflow writes, and conversions from frames that build columns from
 * typed arrays directly: a batch of a million spikes is a handful of buffers, never a million row objects.
 * Columns are non-nullable so Parquet stores them as REQUIRED.
 */

export type SpikeColumns = { neuron: Int32; t: Float64 };
export type StateColumns = { neuron: Int32; t: Float64; value: Float64 };

/** Spikes: one row per spike, `t` in seconds. */
export const spikeSchema: Schema<SpikeColumns> = new Schema([
  new Field('neuron', new Int32(), false),
  new Field('t', new Float64(), false),
]);

/** State samples in long format: one row per (sample time, neuron). */
export const stateSchema: Schema<StateColumns> = new Schema([
  new Field('neuron', new Int32(), false),
  new Field('t', new Float64(), false),
  new Field('value', new Float64(), false),
]);

/** Edge lists: presynaptic and postsynaptic indices, with a weight column only when synapses differ. */
export function edgeSchema(withWeights: boolean): Schema {
  const fields: Field[] = [new Field('pre', new Int32(), false), new Field('post', new Int32(), false)];
  if (withWeights) fields.push(new Field('weight', new Float64(), false));
  return new Schema(fields);
}

/** Typed-array columns accepted by {@link columnsToBatch}, one per schema field. */
export type ColumnArray = Int32Array | Float64Array;

/**
 * Wraps typed arrays as a RecordBatch of `schema` without copying them.
 * The batch shares the arrays' memory: do not modify them while the batch is in use.
 */
export function columnsToBatch(schema: Schema, columns: Record<string, ColumnArray>): RecordBatch {
  let length = -1;
  const children: Data[] = [];
  for (const field of schema.fields) {
    const column = columns[field.name];
    if (column === undefined) throw invalidParameter('columns', Object.keys(columns).join(', '), `a column named ${field.name}`);
    const expected = field.type instanceof Int32 ? Int32Array : field.type instanceof Float64 ? Float64Array : undefined;
    if (expected === undefined) throw invalidParameter(`column ${field.name}`, String(field.type), 'an Int32 or Float64 field');
    if (!(column instanceof expected)) {
      throw invalidParameter(`column ${field.name}`, column.constructor.name, `a ${expected.name} for ${String(field.type)}`);
    }
    if (length === -1) length = column.length;
    else if (column.length !== length) {
      throw invalidParameter(`column ${field.name} length`, column.length, `${length}, the length of the other columns`);
    }
    children.push(
      column instanceof Int32Array
        ? makeData({ type: field.type as Int32, length: column.length, nullCount: 0, data: column })
        : makeData({ type: field.type as Float64, length: column.length, nullCount: 0, data: column }),
    );
  }
  const rows = Math.max(length, 0);
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children }));
}

/** A spike frame as a batch of {@link spikeSchema}, sharing the frame's arrays. */
export function spikeFrameToBatch(frame: SpikeFrame): RecordBatch<SpikeColumns> {
  return columnsToBatch(spikeSchema, { neuron: frame.neuron, t: frame.t }) as RecordBatch<SpikeColumns>;
}

/**
 * A state frame in long format ({@link stateSchema}): rows follow the frame's row-major order,
 * sample by sample and within a sample neuron by neuron, so `value` is the frame's array itself.
 */
export function stateFrameToBatch(frame: StateFrame): RecordBatch<StateColumns> {
  const samples = frame.times.length;
  const width = frame.neurons.length;
  if (frame.values.length !== samples * width) {
    throw invalidParameter('state frame values length', frame.values.length, `times × neurons = ${samples} × ${width}`);
  }
  const neuron = new Int32Array(samples * width);
  const t = new Float64Array(samples * width);
  for (let s = 0; s < samples; s++) {
    neuron.set(frame.neurons, s * width);
    t.fill(frame.times[s], s * width, (s + 1) * width);
  }
  return columnsToBatch(stateSchema, { neuron, t, value: frame.values }) as RecordBatch<StateColumns>;
}

/** Whether two schemas have the same column names and types in the same order (nullability and metadata aside). */
export function sameColumns(a: Schema, b: Schema): boolean {
  if (a.fields.length !== b.fields.length) return false;
  for (let i = 0; i < a.fields.length; i++) {
    if (a.fields[i].name !== b.fields[i].name || !sameType(a.fields[i].type, b.fields[i].type)) return false;
  }
  return true;
}

function sameType(a: DataType, b: DataType): boolean {
  return a.typeId === b.typeId && String(a) === String(b);
}

/** Describes a schema's columns for error messages: `neuron: Int32, t: Float64`. */
export function describeColumns(schema: Schema): string {
  return schema.fields.map((field) => `${field.name}: ${String(field.type)}`).join(', ');
}
