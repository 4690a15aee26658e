import { describe, expect, it } from 'vitest';
import { RandomStreams, gaussianCoupling } from '../../src/index.js';

describe('gaussianCoupling', () => {
  it('has no self-coupling and entries of variance g²/N', () => {
    const n = 300;
    const g = 1.7;
    const J = gaussianCoupling(n, g, new RandomStreams(5).stream('connectivity'));
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      expect(J[i * n + i]).toBe(0);
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        sum += J[i * n + j];
        squares += J[i * n + j] ** 2;
      }
    }
    const count = n * (n - 1);
    expect(Math.abs(sum / count)).toBeLessThan((4 * g) / Math.sqrt(n) / Math.sqrt(count));
    expect((squares / count) * n).toBeCloseTo(g * g, 1);
  });

  it('scales one normalised matrix by g, so sweeps over g reuse the same network', () => {
    const a = gaussianCoupling(20, 1, new RandomStreams(1).stream('connectivity'));
    const b = gaussianCoupling(20, 2.5, new RandomStreams(1).stream('connectivity'));
    for (let k = 0; k < a.length; k++) expect(b[k]).toBeCloseTo(2.5 * a[k], 14);
    expect(() => gaussianCoupling(0, 1, new RandomStreams(1).stream('c'))).toThrow(RangeError);
  });
});
