import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { circularDifference, lifPhase, lifPhaseDistances, lifPhaseMap } from '../../src/index.js';

const map = lifPhaseMap({ tauM: 0.01, drive: Math.sqrt(1000) * 0.1, threshold: 1, reset: 0 });
const potentials = (n: number) => fc.array(fc.double({ min: -3, max: 0.999, noNaN: true }), { minLength: n, maxLength: n }).map((v) => Float64Array.from(v));

describe('lifPhaseDistances', () => {
  it('equals the L2 norm and mean of circular differences of the phases, row by row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }).chain((rows) => fc.tuple(fc.constant(rows), potentials(rows * 5), potentials(rows * 5))), (_, [rows, a, b]) => {
        const size = 5;
        const l2 = new Float64Array(rows);
        const meanAbs = new Float64Array(rows);
        lifPhaseDistances(map, a, b, size, l2, meanAbs);
        for (let s = 0; s < rows; s++) {
          let squares = 0;
          let sum = 0;
          for (let i = s * size; i < (s + 1) * size; i++) {
            const d = circularDifference(lifPhase(map, a[i]), lifPhase(map, b[i]));
            squares += d * d;
            sum += d;
          }
          expect(l2[s]).toBeCloseTo(Math.sqrt(squares), 10);
          expect(meanAbs[s]).toBeCloseTo(sum / size, 10);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('is zero for identical states and resolves differences far below the rounding of a phase', () => {
    const a = Float64Array.from([0.2, -0.4, 0.9]);
    const l2 = new Float64Array(1);
    const meanAbs = new Float64Array(1);
    lifPhaseDistances(map, a, a, 3, l2, meanAbs);
    expect(l2[0]).toBe(0);
    const b = Float64Array.from(a);
    b[1] += 1e-17 * 2 ** 4; // a few ulps of V
    lifPhaseDistances(map, a, b, 3, l2, meanAbs);
    const exact = (map.phasePerLog * (b[1] - a[1])) / (map.drive - a[1]);
    expect(l2[0]).toBeGreaterThan(0);
    expect(Math.abs(l2[0] - Math.abs(exact)) / Math.abs(exact)).toBeLessThan(1e-6);
  });

  it('counts the same spike one step apart as a small distance, not a whole period', () => {
    // one trajectory just reset (phase slightly negative after a pulse), the other at phase 0.99
    const a = Float64Array.from([-0.01]);
    const b = Float64Array.from([0.999]);
    const l2 = new Float64Array(1);
    const meanAbs = new Float64Array(1);
    lifPhaseDistances(map, a, b, 1, l2, meanAbs);
    expect(l2[0]).toBeLessThan(0.05);
  });
});
