import { describe, expect, it } from 'vitest';
import { eiInputE, eiInputI, eiRateField } from '../../src/index.js';
import type { EiRateParams } from '../../src/index.js';

const params: EiRateParams = {
  tauE: 0.01,
  tauI: 0.02,
  mEE: 1.5,
  mEI: -2,
  mIE: 3,
  mII: -0.5,
  gammaE: 0.2,
  gammaI: -0.1,
  transferE: { kind: 'threshold-linear', gain: 1, threshold: 0 },
  transferI: { kind: 'linear', gain: 1, threshold: 0 },
};

describe('eiRateField', () => {
  it('computes τ-scaled rates of change from the transfer of M·v − γ', () => {
    const out = new Float64Array(2);
    eiRateField(params, 0.4, 0.1, out);
    expect(eiInputE(params, 0.4, 0.1)).toBeCloseTo(1.5 * 0.4 - 2 * 0.1 - 0.2, 15);
    expect(eiInputI(params, 0.4, 0.1)).toBeCloseTo(3 * 0.4 - 0.5 * 0.1 + 0.1, 15);
    expect(out[0]).toBeCloseTo((-0.4 + Math.max(0, 0.2)) / 0.01, 12);
    expect(out[1]).toBeCloseTo((-0.1 + 1.25) / 0.02, 12);
  });

  it('applies the rectification of threshold-linear to a negative input', () => {
    const out = new Float64Array(2);
    eiRateField(params, 0, 1, out);
    expect(out[0]).toBe(0);
  });
});
