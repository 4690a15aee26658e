import { Field, Float64, Int32, Schema } from 'apache-arrow';
import { writeParquetFile, type WrittenParquetFile } from '../src/sinks/parquetParts.js';
import { columnsToBatch, type ColumnArray } from '../src/sinks/tableSchemas.js';

/**
 * Writes a small study table (one Parquet file, e.g. `DIR/distance.parquet`) from typed-array columns, in the
 * order given: Int32Array columns become int32, Float64Array columns float64, all non-nullable.
 */
export function writeColumnTable(path: string, columns: Record<string, ColumnArray>): Promise<WrittenParquetFile> {
  const schema = new Schema(Object.entries(columns).map(([name, column]) => new Field(name, column instanceof Int32Array ? new Int32() : new Float64(), false)));
  return writeParquetFile(path, schema, [columnsToBatch(schema, columns)]);
}
