/**
 * Disjoint sets over 0 … n−1 (union by size, path halving: Tarjan & van Leeuwen 1984), for transitive
 * clustering: after `union(i, j)` for every pair that belongs together, two elements share a root exactly when
 * a chain of such pairs connects them.
 */
export class UnionFind {
  readonly size: number;
  private readonly parent: Int32Array;
  private readonly setSize: Int32Array;

  constructor(size: number) {
    if (!(Number.isInteger(size) && size >= 0)) throw new RangeError(`UnionFind: expected a non-negative integer size, got ${size}`);
    this.size = size;
    this.parent = new Int32Array(size);
    this.setSize = new Int32Array(size).fill(1);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  /** The representative of i's set. */
  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Merges the sets of i and j; returns false when they were already one set. */
  union(i: number, j: number): boolean {
    let a = this.find(i);
    let b = this.find(j);
    if (a === b) return false;
    if (this.setSize[a] < this.setSize[b]) {
      const swap = a;
      a = b;
      b = swap;
    }
    this.parent[b] = a;
    this.setSize[a] += this.setSize[b];
    return true;
  }

  /**
   * One label per element, 0 … sets−1, numbered by decreasing set size (ties: the set whose first element comes
   * first), so label 0 is always the largest set.
   */
  labels(): { labels: Int32Array; sets: number; sizes: Int32Array } {
    const n = this.size;
    const rootOrder = new Int32Array(n).fill(-1);
    const roots: number[] = [];
    for (let i = 0; i < n; i++) {
      const root = this.find(i);
      if (rootOrder[root] === -1) {
        rootOrder[root] = roots.length;
        roots.push(root);
      }
    }
    const ranked = roots.map((root, first) => ({ root, first, size: this.setSize[root] }));
    ranked.sort((x, y) => y.size - x.size || x.first - y.first);
    const labelOfRoot = new Int32Array(n);
    const sizes = new Int32Array(ranked.length);
    ranked.forEach((entry, label) => {
      labelOfRoot[entry.root] = label;
      sizes[label] = entry.size;
    });
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) labels[i] = labelOfRoot[this.find(i)];
    return { labels, sets: ranked.length, sizes };
  }
}
