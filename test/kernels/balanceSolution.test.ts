import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { balanceSolution } from '../../src/index.js';

const defaults = { E: 1, I: 0.8, JE: 2, JI: 1.8 };

describe('balanceSolution', () => {
  it('solves both balance equations E·m0 + m_E − J_E·m_I = 0 and I·m0 + m_E − J_I·m_I = 0', () => {
    const positive = fc.double({ min: 0.1, max: 3, noNaN: true });
    fc.assert(
      fc.property(positive, positive, positive, positive, fc.double({ min: 0, max: 0.5, noNaN: true }), (E, I, JE, JI, m0) => {
        fc.pre(Math.abs(JE - JI) > 1e-3);
        const { mE, mI } = balanceSolution({ E, I, JE, JI, m0 });
        const scale = 1 + Math.abs(mE) + Math.abs(mI);
        expect(Math.abs(E * m0 + mE - JE * mI)).toBeLessThan(1e-12 * scale * (1 + JE));
        expect(Math.abs(I * m0 + mE - JI * mI)).toBeLessThan(1e-12 * scale * (1 + JI));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('gives m_E = m_I = m0 for the defaults E = 1, I = 0.8, J_E = 2, J_I = 1.8', () => {
    const solution = balanceSolution({ ...defaults, m0: 0.1 });
    expect(solution.mE).toBeCloseTo(0.1, 14);
    expect(solution.mI).toBeCloseTo(0.1, 14);
    expect(solution.feasible).toBe(true);
  });

  it('is positive and exactly linear in m0, with zero offset', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.9, noNaN: true }), (m0) => {
        const solution = balanceSolution({ ...defaults, m0 });
        expect(solution.mE).toBeGreaterThan(0);
        expect(solution.mI).toBeGreaterThan(0);
        expect(solution.mE).toBeCloseTo(solution.slopeE * m0, 15);
        expect(solution.mI).toBeCloseTo(solution.slopeI * m0, 15);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('matches the closed form of van Vreeswijk & Sompolinsky', () => {
    const { slopeE, slopeI } = balanceSolution({ E: 1.2, I: 0.7, JE: 2.5, JI: 1.5, m0: 0.05 });
    expect(slopeE).toBeCloseTo((1.2 * 1.5 - 0.7 * 2.5) / (2.5 - 1.5), 14);
    expect(slopeI).toBeCloseTo((1.2 - 0.7) / (2.5 - 1.5), 14);
  });

  it('flags as infeasible a network violating E/I > J_E/J_I > 1', () => {
    const solution = balanceSolution({ E: 1, I: 1, JE: 2, JI: 1.5, m0: 0.1 });
    expect(solution.mE).toBeLessThan(0);
    expect(solution.feasible).toBe(false);
  });

  it('rejects J_E = J_I, which makes the equations singular', () => {
    expect(() => balanceSolution({ E: 1, I: 0.8, JE: 2, JI: 2, m0: 0.1 })).toThrow(/singular/);
  });
});
