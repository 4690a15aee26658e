import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalTail } from '../../src/index.js';

describe('normalTail', () => {
  it('matches tabulated values of the standard normal tail to 1.2e-7 relative', () => {
    const table: [number, number][] = [
      [0, 0.5],
      [1, 0.15865525393145707],
      [1.959963984540054, 0.025],
      [3, 0.0013498980316301035],
      [5, 2.866515718791939e-7],
      [8, 6.22096057427178e-16],
      [-2, 0.9772498680518208],
    ];
    for (const [x, h] of table) expect(Math.abs(normalTail(x) - h) / h).toBeLessThan(1.2e-7);
  });

  it('is decreasing and satisfies H(x) + H(−x) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: 1e-3, max: 5, noNaN: true }), (x, step) => {
        expect(normalTail(x) + normalTail(-x)).toBeCloseTo(1, 14);
        expect(normalTail(x + step)).toBeLessThanOrEqual(normalTail(x));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
