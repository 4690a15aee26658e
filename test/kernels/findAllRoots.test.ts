import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findAllRoots } from '../../src/index.js';

describe('findAllRoots', () => {
  it('finds every zero of sin on [−10, 10], in order', () => {
    const roots = findAllRoots(Math.sin, Math.cos, -10, 10, { samples: 100 });
    expect(roots.map((r) => Math.round(r / Math.PI))).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    for (const r of roots) expect(Math.abs(Math.sin(r))).toBeLessThan(4 * Number.EPSILON * Math.max(1, Math.abs(r)));
  });

  it('finds all roots of polynomials with well-separated random roots', () => {
    const rootsArbitrary = fc.uniqueArray(fc.integer({ min: -40, max: 40 }), { minLength: 1, maxLength: 6 }).map((a) => a.map((k) => k / 8).sort((x, y) => x - y));
    fc.assert(
      fc.property(rootsArbitrary, (expected) => {
        const f = (x: number): number => expected.reduce((p, r) => p * (x - r), 1);
        const slope = (x: number): number => expected.reduce((s, r, i) => s + expected.reduce((p, q, j) => (i === j ? p : p * (x - q)), 1), 0);
        const found = findAllRoots(f, slope, -5.3, 5.3, { samples: 200 });
        expect(found).toHaveLength(expected.length);
        found.forEach((r, i) => expect(r).toBeCloseTo(expected[i], 10));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('finds two roots hidden between neighbouring samples', () => {
    const f = (x: number): number => (x - 1) * (x - 1.001);
    const roots = findAllRoots(f, (x) => 2 * x - 2.001, 0.05, 3.05, { samples: 30 });
    expect(roots).toHaveLength(2);
    expect(roots[0]).toBeCloseTo(1, 12);
    expect(roots[1]).toBeCloseTo(1.001, 12);
  });

  it('finds a second root in an interval that starts at a sample which is exactly a root', () => {
    // Samples at 0, 0.1, …: the sample at 1 is a root, and 1.001 hides in [1, 1.1].
    const f = (x: number): number => (x - 1) * (x - 1.001);
    const roots = findAllRoots(f, (x) => 2 * x - 2.001, 0, 3, { samples: 30 });
    expect(roots).toHaveLength(2);
    expect(roots[0]).toBe(1);
    expect(roots[1]).toBeCloseTo(1.001, 12);
  });

  it('reports a touching double root only when a touch tolerance is given', () => {
    // Lifted by 1e-14 so that it never evaluates to exactly zero.
    const f = (x: number): number => (x - 0.7) * (x - 0.7) + 1e-14;
    const slope = (x: number): number => 2 * (x - 0.7);
    expect(findAllRoots(f, slope, 0, 2, { samples: 40 })).toEqual([]);
    const [root] = findAllRoots(f, slope, 0, 2, { samples: 40, touchTolerance: 1e-12 });
    expect(root).toBeCloseTo(0.7, 6);
  });

  it('reports a root lying exactly on a sample once', () => {
    expect(findAllRoots((x) => x, () => 1, -1, 1, { samples: 4 })).toEqual([0]);
  });

  it('rejects too few samples or a reversed interval', () => {
    expect(() => findAllRoots(Math.sin, Math.cos, 0, 1, { samples: 1 })).toThrow(/samples/);
    expect(() => findAllRoots(Math.sin, Math.cos, 1, 0, { samples: 10 })).toThrow(/interval/);
  });
});
