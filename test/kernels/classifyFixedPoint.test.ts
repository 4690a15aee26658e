import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyFixedPoint, eigen2x2 } from '../../src/index.js';
import type { Matrix2x2 } from '../../src/index.js';

describe('classifyFixedPoint', () => {
  it('names each canonical linear flow', () => {
    expect(classifyFixedPoint([[-1, 0], [0, -2]])).toBe('stable node');
    expect(classifyFixedPoint([[1, 0], [0, 2]])).toBe('unstable node');
    expect(classifyFixedPoint([[1, 0], [0, -2]])).toBe('saddle');
    expect(classifyFixedPoint([[-0.1, -1], [1, -0.1]])).toBe('stable focus');
    expect(classifyFixedPoint([[0.1, -1], [1, 0.1]])).toBe('unstable focus');
    expect(classifyFixedPoint([[0, -1], [1, 0]])).toBe('centre');
  });

  it('calls a repeated real root a node', () => {
    expect(classifyFixedPoint([[-1, 1], [0, -1]])).toBe('stable node');
    expect(classifyFixedPoint([[3, 0], [0, 3]])).toBe('unstable node');
  });

  it('reports a singular Jacobian as degenerate instead of guessing', () => {
    expect(classifyFixedPoint([[1, 2], [2, 4]])).toBe('degenerate (singular Jacobian)');
    expect(classifyFixedPoint([[0, 0], [0, 0]])).toBe('degenerate (singular Jacobian)');
  });

  it('treats a trace within the relative tolerance as zero (centre) and a larger one as a focus', () => {
    expect(classifyFixedPoint([[1e-12, -1], [1, 0]])).toBe('centre');
    expect(classifyFixedPoint([[1e-6, -1], [1, 0]])).toBe('unstable focus');
  });

  it('agrees with the eigenvalues: saddles have real parts of both signs, foci complex pairs, stability negative real parts', () => {
    const entry = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(entry, entry, entry, entry, (a, b, c, d) => {
        const m: Matrix2x2 = [
          [a, b],
          [c, d],
        ];
        const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d));
        fc.pre(Math.abs(a * d - b * c) > 1e-6 * scale * scale && Math.abs(a + d) > 1e-6 * scale);
        const kind = classifyFixedPoint(m);
        const [[r1, i1], [r2]] = eigen2x2(m);
        if (kind === 'saddle') expect(r1 * r2).toBeLessThan(0);
        else {
          expect(kind.includes('focus')).toBe(i1 !== 0);
          expect(kind.startsWith('stable')).toBe(r1 < 0 && r2 < 0);
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});
