import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasSortedRows, partitionBounds, rowCuts, splitByTargets, type Csr } from '../../src/index.js';

/** The synapses onto [low, high), row by row in the CSR's order, targets relative to low: the plain definition. */
function referenceSplit(csr: Csr, low: number, high: number) {
  const offsets = [0];
  const targets: number[] = [];
  const weights: number[] = [];
  for (let pre = 0; pre < csr.size; pre++) {
    for (let k = csr.offsets[pre]; k < csr.offsets[pre + 1]; k++) {
      const post = csr.targets[k];
      if (post < low || post >= high) continue;
      targets.push(post - low);
      if (csr.weights) weights.push(csr.weights[k]);
    }
    offsets.push(targets.length);
  }
  return { offsets, targets, weights: csr.weights ? weights : undefined };
}

/** Rows sorted by target (as generators write them) or in the given order (as edge-list files may). */
function randomCsr(size: number, postSize: number, edges: readonly [number, number, number][], weighted: boolean, sortRows: boolean): Csr {
  const sorted = edges.map(([pre, post, w]) => [pre % size, post % postSize, w] as const).sort((a, b) => a[0] - b[0] || (sortRows ? a[1] - b[1] : 0));
  const offsets = new Int32Array(size + 1);
  for (const [pre] of sorted) offsets[pre + 1]++;
  for (let i = 0; i < size; i++) offsets[i + 1] += offsets[i];
  return { size, offsets, targets: Int32Array.from(sorted, (e) => e[1]), weights: weighted ? Float64Array.from(sorted, (e) => e[2]) : undefined };
}

/** Presynaptic size, target range, partition count and raw edges (pre, post, weight) of a random network. */
const networkShape = [
  fc.integer({ min: 1, max: 60 }),
  fc.integer({ min: 1, max: 60 }),
  fc.integer({ min: 1, max: 6 }),
  fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ noNaN: true })), { maxLength: 300 }),
] as const;

describe('splitByTargets', () => {
  it('gives every partition exactly its synapses, in row order, targets relative to its start, for sorted and unsorted rows and any target range', () => {
    fc.assert(
      fc.property(
        ...networkShape,
        fc.boolean(),
        fc.boolean(),
        (size, postSize, parts, edges, weighted, sortRows) => {
          const csr = randomCsr(size, postSize, edges, weighted, sortRows);
          const bounds = partitionBounds(postSize, Math.min(parts, postSize));
          const all = splitByTargets(csr, bounds);
          expect(all.length).toBe(bounds.length - 1);
          let synapses = 0;
          all.forEach((partition, p) => {
            const one = referenceSplit(csr, bounds[p], bounds[p + 1]);
            expect([partition.low, partition.high]).toEqual([bounds[p], bounds[p + 1]]);
            expect(Array.from(partition.offsets)).toEqual(one.offsets);
            // arrays may be longer than the partition's synapses (shared buffers are never empty)
            const synapseCount = partition.offsets[size];
            expect(Array.from(partition.targets.subarray(0, synapseCount))).toEqual(one.targets);
            expect(partition.weights && Array.from(partition.weights.subarray(0, synapseCount))).toEqual(one.weights);
            synapses += partition.offsets[size];
          });
          expect(synapses).toBe(csr.offsets[size]);
        },
      ),
      { numRuns: 120, seed: 11 },
    );
  });

  it('stores a partition of at most 65536 neurons in 16 bits even when the whole network needs 32', () => {
    const size = 70000;
    const offsets = new Int32Array(size + 1);
    const rows = [[0, 1, 34999, 35000, 65535, 65536, 69999], [35000, 69998], [2, 3]];
    let count = 0;
    rows.forEach((row, pre) => {
      count += row.length;
      offsets[pre + 1] = count;
    });
    offsets.fill(count, rows.length + 1);
    const csr: Csr = { size, offsets, targets: Int32Array.from(rows.flat()), sortedRows: true };
    const bounds = partitionBounds(size, 2);
    splitByTargets(csr, bounds).forEach((partition, p) => {
      expect(partition.targets).toBeInstanceOf(Uint16Array);
      const one = referenceSplit(csr, bounds[p], bounds[p + 1]);
      expect(Array.from(partition.targets.subarray(0, partition.offsets[size]))).toEqual(one.targets);
      expect(Array.from(partition.offsets)).toEqual(one.offsets);
    });
  });
});

describe('rowCuts', () => {
  it('cuts every sorted row into consecutive segments, one per partition, holding exactly that partition\'s targets', () => {
    fc.assert(
      fc.property(
        ...networkShape,
        (size, postSize, parts, edges) => {
          const csr = randomCsr(size, postSize, edges, false, true);
          const bounds = partitionBounds(postSize, Math.min(parts, postSize));
          const stride = bounds.length;
          const cuts = rowCuts(csr, bounds);
          expect(cuts.length).toBe(size * stride);
          for (let pre = 0; pre < size; pre++) {
            expect(cuts[pre * stride]).toBe(csr.offsets[pre]);
            expect(cuts[pre * stride + stride - 1]).toBe(csr.offsets[pre + 1]);
            for (let p = 0; p + 1 < stride; p++) {
              const segment = Array.from(csr.targets.subarray(cuts[pre * stride + p], cuts[pre * stride + p + 1]));
              const wanted = Array.from(csr.targets.subarray(csr.offsets[pre], csr.offsets[pre + 1])).filter((t) => t >= bounds[p] && t < bounds[p + 1]);
              expect(segment).toEqual(wanted);
            }
          }
        },
      ),
      { numRuns: 120, seed: 12 },
    );
  });
});

describe('hasSortedRows', () => {
  it('trusts the generators\' flag and otherwise checks every row', () => {
    const rows = (targets: number[]): Csr => ({ size: 2, offsets: Int32Array.from([0, 2, targets.length]), targets: Int32Array.from(targets) });
    expect(hasSortedRows(rows([1, 3, 0, 2]))).toBe(true);
    expect(hasSortedRows(rows([1, 3, 2, 0]))).toBe(false);
    // rows are checked one by one: a descent across a row boundary is allowed
    expect(hasSortedRows(rows([2, 3, 0, 1]))).toBe(true);
    expect(hasSortedRows({ ...rows([1, 3, 2, 0]), sortedRows: true })).toBe(true);
  });
});
