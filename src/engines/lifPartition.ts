import type { Csr } from '../network/csr.js';
import { narrowTargets } from '../network/targetArray.js';

/**
 * The synapses of one post-synaptic partition [low, high) of a CSR, still indexed by presynaptic neuron,
 * with targets stored relative to `low`. Each thread delivers every spike but only to the targets it owns,
 * so no two threads ever write the same potential, and each target receives its pulses in the same order
 * as in the single-thread engine.
 */
export interface LifPartition {
  readonly low: number;
  readonly high: number;
  readonly offsets: Int32Array;
  readonly targets: Uint16Array | Int32Array;
  readonly weights?: Float64Array;
}

function sharedArray<T extends Int32Array | Uint16Array | Float64Array>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new Type(new SharedArrayBuffer(Math.max(1, length) * Type.BYTES_PER_ELEMENT));
}

/** Contiguous neuron ranges of near-equal size, in increasing order. */
export function partitionBounds(size: number, parts: number): number[] {
  const bounds = [0];
  for (let p = 1; p <= parts; p++) bounds.push(Math.round((p * size) / parts));
  return bounds;
}

/** The sizes of one partition's arrays. */
export interface PartitionShape {
  readonly rows: number;
  readonly synapses: number;
  /** Targets fit Uint16. */
  readonly narrow: boolean;
  readonly weighted: boolean;
}

export interface PartitionArrays {
  readonly offsets: Int32Array;
  readonly targets: Uint16Array | Int32Array;
  readonly weights?: Float64Array;
}

/** Allocates every partition's arrays at once; the default puts each on its own SharedArrayBuffers. */
export type PartitionAllocator = (shapes: readonly PartitionShape[]) => PartitionArrays[];

export const allocateOnSharedBuffers: PartitionAllocator = (shapes) =>
  shapes.map(({ rows, synapses, narrow, weighted }) => ({
    offsets: sharedArray(Int32Array, rows),
    targets: narrow ? sharedArray(Uint16Array, synapses) : sharedArray(Int32Array, synapses),
    weights: weighted ? sharedArray(Float64Array, synapses) : undefined,
  }));

/**
 * Splits a CSR by post-synaptic partition, for every partition of `bounds` (contiguous ranges covering the
 * targets [0, bounds[last])) at once, into arrays from `allocate`, keeping each row's order. Rows sorted by target (as
 * every generator writes them) are cut at the partition bounds by binary search and copied segment by segment;
 * other rows (edge lists in file order) take a general walk that looks up each target's partition.
 */
export function splitByTargets(csr: Csr, bounds: readonly number[], allocate: PartitionAllocator = allocateOnSharedBuffers): LifPartition[] {
  return hasSortedRows(csr) ? splitSortedRows(csr, bounds, allocate) : splitByOwner(csr, bounds, allocate);
}

/** Whether every row's targets are in increasing order (generators flag it; edge lists are checked). */
export function hasSortedRows(csr: Csr): boolean {
  if (csr.sortedRows) return true;
  const { size, offsets, targets } = csr;
  for (let pre = 0; pre < size; pre++) {
    const end = offsets[pre + 1];
    for (let k = offsets[pre] + 1; k < end; k++) if (targets[k] < targets[k - 1]) return false;
  }
  return true;
}

/** First k in [from, to) with targets[k] ≥ value, for targets sorted on that range. */
function lowerBound(targets: Uint16Array | Int32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (targets[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Cuts every row of a CSR with sorted rows at the partition bounds: `cuts[pre·(parts + 1) + p]` is where partition
 * p's segment of row `pre` starts, and `cuts[pre·(parts + 1) + parts]` is the row's end. Partition p's synapses of
 * row pre are then [cuts[pre·(parts + 1) + p], cuts[pre·(parts + 1) + p + 1]) of the CSR itself.
 */
export function rowCuts(csr: Csr, bounds: readonly number[], cuts: Int32Array = new Int32Array(csr.size * bounds.length)): Int32Array {
  const { size, offsets, targets } = csr;
  const parts = bounds.length - 1;
  const stride = parts + 1;
  for (let pre = 0; pre < size; pre++) {
    const end = offsets[pre + 1];
    const base = pre * stride;
    cuts[base] = offsets[pre];
    for (let p = 1; p < parts; p++) cuts[base + p] = lowerBound(targets, cuts[base + p - 1], end, bounds[p]);
    cuts[base + parts] = end;
  }
  return cuts;
}

function splitSortedRows(csr: Csr, bounds: readonly number[], allocate: PartitionAllocator): LifPartition[] {
  const { size, targets, weights } = csr;
  const parts = bounds.length - 1;
  const rows = size + 1;
  const stride = parts + 1;
  const cuts = rowCuts(csr, bounds);
  const counts = new Int32Array(parts * rows);
  for (let pre = 0; pre < size; pre++) {
    const base = pre * stride;
    for (let p = 0; p < parts; p++) counts[p * rows + pre + 1] = counts[p * rows + pre] + cuts[base + p + 1] - cuts[base + p];
  }
  const shapes: PartitionShape[] = [];
  for (let p = 0; p < parts; p++) shapes.push({ rows, synapses: counts[p * rows + size], narrow: narrowTargets(bounds[p + 1] - bounds[p]), weighted: weights !== undefined });
  return allocate(shapes).map((arrays, p) => {
    const low = bounds[p];
    const local = arrays.targets;
    arrays.offsets.set(counts.subarray(p * rows, (p + 1) * rows));
    // segments are copied as blocks (memcpy) and shifted in one pass: an element loop is ~10× slower
    for (let pre = 0; pre < size; pre++) local.set(targets.subarray(cuts[pre * stride + p], cuts[pre * stride + p + 1]), counts[p * rows + pre]);
    const synapses = counts[p * rows + size];
    // (a narrow partition of a wide CSR keeps t mod 2¹⁶ here, and t − low is still exact after the subtraction)
    if (low !== 0) for (let k = 0; k < synapses; k++) local[k] -= low;
    if (weights) {
      const localWeights = arrays.weights as Float64Array;
      for (let pre = 0; pre < size; pre++) localWeights.set(weights.subarray(cuts[pre * stride + p], cuts[pre * stride + p + 1]), counts[p * rows + pre]);
    }
    return { low, high: bounds[p + 1], ...arrays };
  });
}

function splitByOwner(csr: Csr, bounds: readonly number[], allocate: PartitionAllocator): LifPartition[] {
  const { size, offsets, targets, weights } = csr;
  const parts = bounds.length - 1;
  // indexed by target: bounds[parts] is the size of the target range, which need not equal the presynaptic size
  const owner = new Uint16Array(bounds[parts]);
  for (let p = 0; p < parts; p++) owner.fill(p, bounds[p], bounds[p + 1]);
  const rows = size + 1;
  // counts[p·rows + pre + 1]: synapses of pre onto partition p, summed into offsets below
  const counts = new Int32Array(parts * rows);
  for (let pre = 0; pre < size; pre++) {
    const end = offsets[pre + 1];
    for (let k = offsets[pre]; k < end; k++) counts[owner[targets[k]] * rows + pre + 1]++;
  }
  const shapes: PartitionShape[] = [];
  for (let p = 0; p < parts; p++) {
    const base = p * rows;
    for (let pre = 0; pre < size; pre++) counts[base + pre + 1] += counts[base + pre];
    shapes.push({ rows, synapses: counts[base + size], narrow: narrowTargets(bounds[p + 1] - bounds[p]), weighted: weights !== undefined });
  }
  const partitions: LifPartition[] = allocate(shapes).map((arrays, p) => {
    arrays.offsets.set(counts.subarray(p * rows, (p + 1) * rows));
    return { low: bounds[p], high: bounds[p + 1], ...arrays };
  });
  const cursors = counts;
  const lows = Int32Array.from(partitions, (partition) => partition.low);
  const local = partitions.map((partition) => partition.targets);
  for (let pre = 0; pre < size; pre++) {
    const end = offsets[pre + 1];
    for (let k = offsets[pre]; k < end; k++) {
      const post = targets[k];
      const p = owner[post];
      local[p][cursors[p * rows + pre]++] = post - lows[p];
    }
  }
  if (weights) {
    // the same walk again, so that the unweighted case has no test inside its loop
    for (let p = 0; p < parts; p++) cursors.set(partitions[p].offsets, p * rows);
    const localWeights = partitions.map((partition) => partition.weights as Float64Array);
    for (let pre = 0; pre < size; pre++) {
      const end = offsets[pre + 1];
      for (let k = offsets[pre]; k < end; k++) {
        const p = owner[targets[k]];
        localWeights[p][cursors[p * rows + pre]++] = weights[k];
      }
    }
  }
  return partitions;
}

