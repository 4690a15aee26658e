import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eiInputE, eiInputI, eiJacobian, eiRateField } from '../../src/index.js';
import type { EiRateParams, TransferKind } from '../../src/index.js';

function paramsArbitrary(kind: TransferKind): fc.Arbitrary<EiRateParams> {
  const coupling = fc.double({ min: -15, max: 15, noNaN: true });
  const tau = fc.double({ min: 0.001, max: 0.1, noNaN: true });
  const gain = fc.double({ min: 0.2, max: 5, noNaN: true });
  const theta = fc.double({ min: -5, max: 5, noNaN: true });
  return fc
    .record({ tauE: tau, tauI: tau, mEE: coupling, mEI: coupling, mIE: coupling, mII: coupling, gammaE: coupling, gammaI: coupling, gainE: gain, thetaE: theta, gainI: gain, thetaI: theta })
    .map((r) => ({
      tauE: r.tauE,
      tauI: r.tauI,
      mEE: r.mEE,
      mEI: r.mEI,
      mIE: r.mIE,
      mII: r.mII,
      gammaE: r.gammaE,
      gammaI: r.gammaI,
      transferE: { kind, gain: r.gainE, threshold: r.thetaE },
      transferI: { kind, gain: r.gainI, threshold: r.thetaI },
    }));
}

function numericalJacobian(p: EiRateParams, vE: number, vI: number, h: number): number[][] {
  const plus = new Float64Array(2);
  const minus = new Float64Array(2);
  eiRateField(p, vE + h, vI, plus);
  eiRateField(p, vE - h, vI, minus);
  const dE = [(plus[0] - minus[0]) / (2 * h), (plus[1] - minus[1]) / (2 * h)];
  eiRateField(p, vE, vI + h, plus);
  eiRateField(p, vE, vI - h, minus);
  const dI = [(plus[0] - minus[0]) / (2 * h), (plus[1] - minus[1]) / (2 * h)];
  return [
    [dE[0], dI[0]],
    [dE[1], dI[1]],
  ];
}

function expectClose(analytic: readonly (readonly number[])[], numeric: number[][], tolerance: number): void {
  for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) expect(Math.abs(analytic[r][c] - numeric[r][c])).toBeLessThan(tolerance);
}

describe('eiJacobian', () => {
  it('matches a central-difference Jacobian for random sigmoid models and states', () => {
    const rate = fc.double({ min: -1, max: 1, noNaN: true });
    fc.assert(
      fc.property(paramsArbitrary('sigmoid'), rate, rate, (p, vE, vI) => {
        const analytic = eiJacobian(p, vE, vI);
        const scale = Math.max(...analytic.flat().map(Math.abs), 1 / p.tauE, 1 / p.tauI);
        expectClose(analytic, numericalJacobian(p, vE, vI, 1e-6), 1e-6 * scale);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('matches a central-difference Jacobian for threshold-linear models away from the kinks', () => {
    const rate = fc.double({ min: -3, max: 3, noNaN: true });
    fc.assert(
      fc.property(paramsArbitrary('threshold-linear'), rate, rate, (p, vE, vI) => {
        const h = 1e-6;
        const margin = 10 * h * (Math.abs(p.mEE) + Math.abs(p.mEI) + Math.abs(p.mIE) + Math.abs(p.mII));
        fc.pre(Math.abs(eiInputE(p, vE, vI)) > margin && Math.abs(eiInputI(p, vE, vI)) > margin);
        const analytic = eiJacobian(p, vE, vI);
        const scale = Math.max(...analytic.flat().map(Math.abs), 1 / p.tauE, 1 / p.tauI);
        expectClose(analytic, numericalJacobian(p, vE, vI, h), 1e-6 * scale);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('divides each row by its own time constant, the IE entry by τ_I', () => {
    const p: EiRateParams = {
      tauE: 0.01,
      tauI: 0.05,
      mEE: 2,
      mEI: -3,
      mIE: 4,
      mII: -1,
      gammaE: 0,
      gammaI: 0,
      transferE: { kind: 'linear', gain: 1, threshold: 0 },
      transferI: { kind: 'linear', gain: 1, threshold: 0 },
    };
    const j = eiJacobian(p, 0.3, 0.7);
    expect(j[0][0]).toBeCloseTo((2 - 1) / 0.01, 10);
    expect(j[0][1]).toBeCloseTo(-3 / 0.01, 10);
    expect(j[1][0]).toBeCloseTo(4 / 0.05, 10);
    expect(j[1][1]).toBeCloseTo((-1 - 1) / 0.05, 10);
  });
});
