import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { partitionBounds, splitByTarget, splitByTargets, type Csr } from '../../src/index.js';

/** Rows sorted by target (as generators write them) or in the given order (as edge-list files may). */
function randomCsr(size: number, postSize: number, edges: readonly [number, number, number][], weighted: boolean, sortRows: boolean): Csr {
  const sorted = edges.map(([pre, post, w]) => [pre % size, post % postSize, w] as const).sort((a, b) => a[0] - b[0] || (sortRows ? a[1] - b[1] : 0));
  const offsets = new Int32Array(size + 1);
  for (const [pre] of sorted) offsets[pre + 1]++;
  for (let i = 0; i < size; i++) offsets[i + 1] += offsets[i];
  return { size, offsets, targets: Int32Array.from(sorted, (e) => e[1]), weights: weighted ? Float64Array.from(sorted, (e) => e[2]) : undefined };
}

describe('splitByTargets', () => {
  it('gives every partition exactly the synapses splitByTarget gives it, in row order, targets relative to its start, for sorted and unsorted rows and any target range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ noNaN: true })), { maxLength: 300 }),
        fc.boolean(),
        fc.boolean(),
        (size, postSize, parts, edges, weighted, sortRows) => {
          const csr = randomCsr(size, postSize, edges, weighted, sortRows);
          const bounds = partitionBounds(postSize, Math.min(parts, postSize));
          const all = splitByTargets(csr, bounds);
          expect(all.length).toBe(bounds.length - 1);
          let synapses = 0;
          all.forEach((partition, p) => {
            const one = splitByTarget(csr, bounds[p], bounds[p + 1]);
            expect([partition.low, partition.high]).toEqual([bounds[p], bounds[p + 1]]);
            expect(Array.from(partition.offsets)).toEqual(Array.from(one.offsets));
            expect(Array.from(partition.targets)).toEqual(Array.from(one.targets));
            expect(partition.weights && Array.from(partition.weights)).toEqual(one.weights && Array.from(one.weights));
            synapses += partition.offsets[size];
          });
          expect(synapses).toBe(csr.offsets[size]);
        },
      ),
      { numRuns: 120, seed: 11 },
    );
  });
});
