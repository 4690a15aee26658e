import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ParquetPartWriter, columnsToBatch, readEdgeList, spikeSchema, synapseCount, writeEdgeList } from '../../src/index.js';

let root: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'spikeflow-duckdb-'));
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(async () => {
  connection.closeSync();
  instance.closeSync();
  await rm(root, { recursive: true, force: true });
});

/** A deterministic spike table: neuron (7919 i) mod 1000, t = i / 10 000 s. */
function spikeColumns(start: number, count: number) {
  const neuron = new Int32Array(count);
  const t = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    neuron[k] = ((start + k) * 7919) % 1000;
    t[k] = (start + k) / 10_000;
  }
  return { neuron, t };
}

describe('interoperability with DuckDB', () => {
  it('DuckDB reads the committed parts with their column types and the same count and sums', async () => {
    const dir = join(root, 'spikes');
    const writer = await ParquetPartWriter.open(dir, spikeSchema, { rowsPerPart: 20_000 });
    const rows = 70_000;
    const perBatch = 5_000;
    let expectedSum = 0n;
    for (let start = 0; start < rows; start += perBatch) {
      const columns = spikeColumns(start, perBatch);
      for (const n of columns.neuron) expectedSum += BigInt(n);
      await writer.append(columnsToBatch(spikeSchema, columns), { t0: start / 10_000, t1: (start + perBatch) / 10_000 });
    }
    await writer.close({ complete: true });
    // A crash leftover must not match the readers' glob.
    await writeFile(join(dir, 'part-00004.parquet.tmp'), 'PAR1 torn');

    const glob = `${dir}/*.parquet`;
    const types = await connection.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${glob}'))`);
    expect(types.getRowsJS()).toEqual([
      ['neuron', 'INTEGER'],
      ['t', 'DOUBLE'],
    ]);
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::BIGINT, sum(neuron)::BIGINT, min(t), max(t), count(DISTINCT filename) FROM read_parquet('${glob}', filename = true)`,
    );
    const [count, sum, minT, maxT, files] = reader.getRowsJS()[0];
    expect(count).toBe(BigInt(rows));
    expect(sum).toBe(expectedSum);
    expect(minT).toBe(0);
    expect(maxT).toBe((rows - 1) / 10_000);
    expect(files).toBe(4n);
    // numeric columns of high cardinality are written without dictionaries (faster, and smaller here)
    const encodings = await connection.runAndReadAll(`SELECT DISTINCT encodings FROM parquet_metadata('${glob}')`);
    const used = encodings.getRowsJS().map((row) => String(row[0]));
    expect(used.length).toBeGreaterThan(0);
    for (const encoding of used) expect(encoding).not.toMatch(/DICTIONARY/);
  });

  it('an edge list with int64 columns exported by another tool (DuckDB) is read into the same CSR we would write', async () => {
    const exported = join(root, 'edges-int64.parquet');
    // pre descending so the counting sort has to regroup; the file's order within each pre is kept.
    await connection.run(
      `COPY (SELECT (9 - i // 10)::BIGINT AS pre, ((i * 37) % 100)::BIGINT AS post, (i / 4)::DOUBLE AS weight FROM range(100) t(i)) TO '${exported}' (FORMAT parquet)`,
    );
    const csr = await readEdgeList(exported, 100);
    expect(synapseCount(csr)).toBe(100);
    expect(Array.from(csr.offsets)).toEqual(Array.from({ length: 101 }, (_, n) => Math.min(n, 10) * 10));
    for (let pre = 0; pre < 10; pre++) {
      const rowsOfPre = Array.from({ length: 10 }, (_, k) => (9 - pre) * 10 + k);
      expect(Array.from(csr.targets.subarray(pre * 10, pre * 10 + 10))).toEqual(rowsOfPre.map((i) => (i * 37) % 100));
      expect(Array.from(csr.weights!.subarray(pre * 10, pre * 10 + 10))).toEqual(rowsOfPre.map((i) => i / 4));
    }

    const ours = join(root, 'edges-ours.parquet');
    await writeEdgeList(csr, ours);
    const reader = await connection.runAndReadAll(`SELECT count(*)::BIGINT, sum(pre)::BIGINT, sum(post)::BIGINT, sum(weight) FROM '${ours}'`);
    const [count, preSum, postSum, weightSum] = reader.getRowsJS()[0];
    expect(count).toBe(100n);
    expect(preSum).toBe(BigInt(10 * (0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9)));
    expect(postSum).toBe(BigInt(Array.from({ length: 100 }, (_, i) => (i * 37) % 100).reduce((a, b) => a + b, 0)));
    expect(weightSum).toBe(Array.from({ length: 100 }, (_, i) => i / 4).reduce((a, b) => a + b, 0));
  });
});
