import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { applyPhaseShift, lifPhase, lifPhaseDistances, lifPhaseMap } from '../../src/index.js';

const map = lifPhaseMap({ tauM: 0.01, drive: 1 + Math.sqrt(100) * 0.1, threshold: 1, reset: 0 });

describe('applyPhaseShift', () => {
  it('moves every phase by its shift, so a small shift of norm ε is a phase distance ε', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -2, max: 0.9, noNaN: true }), fc.double({ min: -0.05, max: 0.05, noNaN: true })), { minLength: 1, maxLength: 50 }),
        (pairs) => {
          const v = Float64Array.from(pairs, ([x]) => x);
          const shift = Float64Array.from(pairs, ([, s]) => s);
          const out = new Float64Array(v.length);
          expect(applyPhaseShift(map, v, shift, out)).toBe(0);
          for (let i = 0; i < v.length; i++) expect(lifPhase(map, out[i]) - lifPhase(map, v[i])).toBeCloseTo(shift[i], 10);
          const l2 = new Float64Array(1);
          lifPhaseDistances(map, v, out, v.length, l2, new Float64Array(1));
          expect(l2[0]).toBeCloseTo(Math.hypot(...shift), 10);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('clamps phases pushed to 1 or beyond just below the threshold and counts them', () => {
    const v = Float64Array.from([0.95, 0.5, 0.999]);
    const shift = Float64Array.from([0.5, 0.01, 0.2]);
    const out = new Float64Array(3);
    expect(applyPhaseShift(map, v, shift, out)).toBe(2);
    expect(out[0]).toBeLessThan(1);
    expect(out[0]).toBeGreaterThan(1 - 1e-15);
    expect(out[2]).toBe(out[0]);
    expect(lifPhase(map, out[1]) - lifPhase(map, 0.5)).toBeCloseTo(0.01, 12);
  });

  it('works in place', () => {
    const v = Float64Array.from([0.1, -0.3]);
    const expected = new Float64Array(2);
    const shift = Float64Array.from([0.02, -0.01]);
    applyPhaseShift(map, v, shift, expected);
    applyPhaseShift(map, v, shift, v);
    expect(Array.from(v)).toEqual(Array.from(expected));
  });
});
