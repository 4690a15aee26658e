import { describe, expect, it } from 'vitest';
import { balanceSolution, binaryMeanField, normalTail } from '../../src/index.js';

const network = { E: 1, I: 0.8, JE: 2, JI: 1.8, thetaE: 1, thetaI: 0.7 };

describe('binaryMeanField', () => {
  it('solves its own self-consistency equations', () => {
    for (const K of [100, 1000]) {
      for (const m0 of [0.1, 0.25]) {
        const { mE, mI, converged } = binaryMeanField({ ...network, K, m0 });
        expect(converged).toBe(true);
        const root = Math.sqrt(K);
        expect(mE).toBeCloseTo(normalTail(-(root * (m0 + mE - 2 * mI) - 1) / Math.sqrt(mE + 4 * mI)), 9);
        expect(mI).toBeCloseTo(normalTail(-(root * (0.8 * m0 + mE - 1.8 * mI) - 0.7) / Math.sqrt(mE + 1.8 ** 2 * mI)), 9);
      }
    }
  });

  it('approaches the balance solution as K grows, its offset shrinking roughly like 1/√K', () => {
    const m0 = 0.2;
    const balance = balanceSolution({ E: 1, I: 0.8, JE: 2, JI: 1.8, m0 });
    const offsets = [100, 1000, 10000, 100000].map((K) => {
      const { mE, mI } = binaryMeanField({ ...network, K, m0 });
      return Math.hypot(mE - balance.mE, mI - balance.mI);
    });
    for (let k = 1; k < offsets.length; k++) {
      expect(offsets[k]).toBeLessThan(offsets[k - 1]);
      // a tenfold K shrinks the offset by a factor between √10/2 and √10·2 (logarithmic corrections)
      expect(offsets[k - 1] / offsets[k]).toBeGreaterThan(Math.sqrt(10) / 2);
      expect(offsets[k - 1] / offsets[k]).toBeLessThan(Math.sqrt(10) * 2);
    }
    expect(offsets[3]).toBeLessThan(0.01);
  });

  it('falls silent when the external drive cannot hold a balanced state', () => {
    const { mE, mI } = binaryMeanField({ ...network, K: 50, m0: 0.05 });
    expect(mE).toBeLessThan(1e-6);
    expect(mI).toBeLessThan(1e-6);
  });
});
