import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { UnionFind } from '../../src/index.js';

/** Connected components by breadth-first search, as the reference. */
function components(n: number, edges: [number, number][]): number[] {
  const adjacency = Array.from({ length: n }, () => [] as number[]);
  for (const [a, b] of edges) {
    adjacency[a].push(b);
    adjacency[b].push(a);
  }
  const component = new Array<number>(n).fill(-1);
  let next = 0;
  for (let start = 0; start < n; start++) {
    if (component[start] !== -1) continue;
    const queue = [start];
    component[start] = next;
    while (queue.length) for (const m of adjacency[queue.shift() as number]) if (component[m] === -1) queue.push(m), (component[m] = next);
    next++;
  }
  return component;
}

const graph = fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 80 })));

describe('UnionFind', () => {
  it('puts two elements in one set exactly when a chain of unions connects them', () => {
    fc.assert(
      fc.property(graph, ([n, edges]) => {
        const sets = new UnionFind(n);
        for (const [a, b] of edges) sets.union(a, b);
        const reference = components(n, edges);
        const together = (same: (i: number, j: number) => boolean) => Array.from({ length: n * n }, (_, k) => same(Math.floor(k / n), k % n));
        expect(together((i, j) => sets.find(i) === sets.find(j))).toEqual(together((i, j) => reference[i] === reference[j]));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('labels sets 0 … sets−1 by decreasing size', () => {
    fc.assert(
      fc.property(graph, ([n, edges]) => {
        const sets = new UnionFind(n);
        for (const [a, b] of edges) sets.union(a, b);
        const { labels, sets: count, sizes } = sets.labels();
        expect(count).toBe(new Set(components(n, edges)).size);
        const counted = new Array<number>(count).fill(0);
        for (const label of labels) counted[label]++;
        expect(counted).toEqual(Array.from(sizes));
        for (let k = 1; k < count; k++) expect(sizes[k]).toBeLessThanOrEqual(sizes[k - 1]);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('reports whether a union merged two sets', () => {
    const sets = new UnionFind(3);
    expect(sets.union(0, 1)).toBe(true);
    expect(sets.union(1, 0)).toBe(false);
  });
});
