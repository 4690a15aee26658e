import type { Csr } from '../src/network/csr.js';
import { invalidFile } from '../src/core/errors.js';
import { requireFile } from '../src/core/loadInputs.js';
import { readEdgeList } from '../src/network/edgeList.js';
import { readTable } from '../src/sinks/readTable.js';

/** Loads another simulator's (or an earlier run's) connectivity for N neurons. */
export async function loadNetwork(path: string, size: number): Promise<Csr> {
  return readEdgeList(requireFile(path), size);
}

/** Loads initial potentials: column `V`, one row per neuron. */
export async function loadInitialPotentials(path: string, size: number): Promise<Float64Array> {
  const table = await readTable(requireFile(path));
  const column = table.getChild('V');
  if (!column) throw invalidFile(path, `expected a column V:float64, found columns ${table.schema.fields.map((f) => f.name).join(', ') || 'none'}`);
  if (table.numRows !== size) throw invalidFile(path, `expected ${size} rows (one per neuron, N = ${size}), found ${table.numRows}`);
  const values = new Float64Array(size);
  let i = 0;
  for (const value of column) {
    const v = Number(value);
    if (!Number.isFinite(v)) throw invalidFile(path, `expected finite V values, found ${String(value)} in row ${i}`);
    values[i++] = v;
  }
  return values;
}
