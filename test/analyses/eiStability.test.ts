import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  classifyFixedPoint,
  eiFixedPoints,
  eiJacobian,
  eiRateConfig,
  eiRateField,
  eiRateParams,
  eigen2x2,
  parseParams,
  transferSlope,
  eiInputI,
  type EiRateParams,
} from '../../src/index.js';
import { analyseEiStability, eiStability, eiStabilityParams, hopfAlongTauI } from '../../analyses/eiStability.js';
import { quietContext } from './studyHelpers.js';

const config = (raw: Record<string, unknown>): EiRateParams => eiRateConfig(parseParams(eiRateParams, raw));

/** Central-difference Jacobian of the vector field. */
function numericalJacobian(p: EiRateParams, vE: number, vI: number): number[][] {
  const h = 1e-6;
  const out = new Float64Array(2);
  const plus = new Float64Array(2);
  const columns = [
    [1, 0],
    [0, 1],
  ].map(([dE, dI]) => {
    eiRateField(p, vE + h * dE, vI + h * dI, plus);
    eiRateField(p, vE - h * dE, vI - h * dI, out);
    return [(plus[0] - out[0]) / (2 * h), (plus[1] - out[1]) / (2 * h)];
  });
  return [
    [columns[0][0], columns[1][0]],
    [columns[0][1], columns[1][1]],
  ];
}

describe('ei-stability analysis', () => {
  it('reports the kernels’ fixed points, Jacobians, eigenvalues and classes for the Wilson–Cowan set', () => {
    const p = config({});
    const result = analyseEiStability(p);
    const kernel = eiFixedPoints(p).points;
    expect(result.fixedPoints).toHaveLength(3);
    expect(result.fixedPoints.map((q) => q.class)).toEqual(['stable focus', 'saddle', 'stable node']);
    result.fixedPoints.forEach((q, k) => {
      expect(q.v_e).toBe(kernel[k].vE);
      expect(q.v_i).toBe(kernel[k].vI);
      const jacobian = eiJacobian(p, q.v_e, q.v_i);
      expect(q.jacobian).toEqual(jacobian);
      expect(q.eigenvalues).toEqual(eigen2x2(jacobian));
      expect(q.class).toBe(classifyFixedPoint(jacobian));
      const numerical = numericalJacobian(p, q.v_e, q.v_i);
      for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) expect(q.jacobian[r][c]).toBeCloseTo(numerical[r][c], 3);
      // the IE entry is divided by τ_I, not τ_E
      expect(q.jacobian[1][0]).toBeCloseTo((p.mIE * transferSlope(p.transferI, eiInputI(p, q.v_e, q.v_i))) / p.tauI, 9);
    });
  });

  it('finds the τ_I at which a focus turns neutral: trace zero, a centre with the predicted frequency', () => {
    const p = config({ transfer: 'linear', 'tau-e': '10ms', 'tau-i': '15ms', 'm-ee': '2', 'm-ei': '-2.5', 'm-ie': '2.5', 'm-ii': '-1', 'gamma-e': '-1', 'gamma-i': '-0.5' });
    const [point] = analyseEiStability(p).fixedPoints;
    expect(point.class).toBe('stable focus');
    const hopf = hopfAlongTauI(p, point.v_e, point.v_i)!;
    expect(hopf.tauI).toBeCloseTo(0.02, 12);
    const critical = eiJacobian({ ...p, tauI: hopf.tauI }, point.v_e, point.v_i);
    expect(critical[0][0] + critical[1][1]).toBeCloseTo(0, 9);
    expect(classifyFixedPoint(critical)).toBe('centre');
    expect(eigen2x2(critical)[0][1]).toBeCloseTo(hopf.omega, 9);
    expect(point.tau_i_hopf).toBe(hopf.tauI);
  });

  it('reports no fixed point plainly, never as NaN, and still draws trajectories', async () => {
    // (M − 1) = [[1, −1], [1, −1]] is singular and (1, 0) is not in its range
    const values = parseParams(eiStabilityParams, { transfer: 'linear', 'm-ee': '2', 'm-ei': '-1', 'm-ie': '1', 'm-ii': '0', 'gamma-e': '1', 'gamma-i': '0', T: '5ms', dt: '0.01ms' });
    const job = await eiStability.prepare(values);
    const context = await quietContext();
    const summary = await job.run(context);
    expect(summary.fixed_points).toEqual([]);
    expect(summary.note).toMatch(/no fixed point/);
    expect(readFileSync(join(context.out, 'fixed_points.parquet')).length).toBeGreaterThan(0);
    expect(summary.fixed_point_count).toBe(0);
    expect(summary.continuum).toBe(false);
  });
});
