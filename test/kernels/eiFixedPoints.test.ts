import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  classifyFixedPoint,
  createRk4Scratch,
  eiFixedPoints,
  eiInputE,
  eiInputI,
  eiJacobian,
  eiRateField,
  rk4Step,
  transferRange,
  transferSlope,
  transferValue,
} from '../../src/index.js';
import type { EiFixedPoint, EiRateParams, TransferKind } from '../../src/index.js';

function model(kind: TransferKind, m: [number, number, number, number], gamma: [number, number], sigmoid = { gainE: 1, thetaE: 0, gainI: 1, thetaI: 0 }): EiRateParams {
  return {
    tauE: 0.001,
    tauI: 0.002,
    mEE: m[0],
    mEI: m[1],
    mIE: m[2],
    mII: m[3],
    gammaE: gamma[0],
    gammaI: gamma[1],
    transferE: { kind, gain: sigmoid.gainE, threshold: sigmoid.thetaE },
    transferI: { kind, gain: sigmoid.gainI, threshold: sigmoid.thetaI },
  };
}

/** The Wilson–Cowan set of the Neuromatch tutorial (a_E 1.2, θ_E 2.8, a_I 1, θ_I 4, w 9/4/13/11). */
const wilsonCowan = model('sigmoid', [9, -4, 13, -11], [0, 0], { gainE: 1.2, thetaE: 2.8, gainI: 1, thetaI: 4 });

function residual(p: EiRateParams, point: EiFixedPoint): number {
  const gE = transferValue(p.transferE, eiInputE(p, point.vE, point.vI)) - point.vE;
  const gI = transferValue(p.transferI, eiInputI(p, point.vE, point.vI)) - point.vI;
  return Math.hypot(gE, gI);
}

/** Plain Newton on v = f(M·v − γ) from one start, independent of the solver under test. */
function newtonFrom(p: EiRateParams, vE0: number, vI0: number): EiFixedPoint | undefined {
  let vE = vE0;
  let vI = vI0;
  for (let iteration = 0; iteration < 60; iteration++) {
    const xE = eiInputE(p, vE, vI);
    const xI = eiInputI(p, vE, vI);
    const gE = transferValue(p.transferE, xE) - vE;
    const gI = transferValue(p.transferI, xI) - vI;
    if (Math.hypot(gE, gI) < 1e-13) return { vE, vI };
    const sE = transferSlope(p.transferE, xE);
    const sI = transferSlope(p.transferI, xI);
    const a = p.mEE * sE - 1;
    const b = p.mEI * sE;
    const c = p.mIE * sI;
    const d = p.mII * sI - 1;
    const det = a * d - b * c;
    if (det === 0) return undefined;
    vE -= (gE * d - b * gI) / det;
    vI -= (a * gI - c * gE) / det;
    if (!(Number.isFinite(vE) && Number.isFinite(vI))) return undefined;
  }
  return undefined;
}

function isListed(points: readonly EiFixedPoint[], q: EiFixedPoint, tolerance: number): boolean {
  return points.some((p) => Math.abs(p.vE - q.vE) <= tolerance && Math.abs(p.vI - q.vI) <= tolerance);
}

const coupling = fc.double({ min: -25, max: 25, noNaN: true });
const sigmoidModels = fc
  .record({
    m: fc.tuple(coupling, coupling, coupling, coupling),
    gamma: fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })),
    gainE: fc.double({ min: 0.2, max: 20, noNaN: true }),
    gainI: fc.double({ min: 0.2, max: 20, noNaN: true }),
    thetaE: fc.double({ min: 0, max: 6, noNaN: true }),
    thetaI: fc.double({ min: 0, max: 6, noNaN: true }),
  })
  .map((r) => model('sigmoid', r.m, r.gamma, r));

describe('eiFixedPoints — sigmoid (nullcline scan)', () => {
  it('finds the three fixed points of the Wilson–Cowan set: stable focus at rest, saddle, stable node', () => {
    const { points, continuum, note } = eiFixedPoints(wilsonCowan);
    expect(continuum).toBe(false);
    expect(note).toBeUndefined();
    expect(points).toHaveLength(3);
    for (const point of points) expect(residual(wilsonCowan, point)).toBeLessThan(1e-14);
    expect(points[0].vE).toBeCloseTo(0, 12);
    expect(points[0].vI).toBeCloseTo(0, 12);
    expect(points.map((p) => classifyFixedPoint(eiJacobian(wilsonCowan, p.vE, p.vI)))).toEqual(['stable focus', 'saddle', 'stable node']);
  });

  it('lists every attractor that trajectories from a grid of initial states settle on', () => {
    const { points } = eiFixedPoints(wilsonCowan);
    const state = new Float64Array(2);
    const scratch = createRk4Scratch(2);
    const field = (_t: number, v: Float64Array, out: Float64Array): void => eiRateField(wilsonCowan, v[0], v[1], out);
    const reached = new Set<number>();
    for (let i = 0; i <= 6; i++) {
      for (let j = 0; j <= 6; j++) {
        state[0] = i / 6;
        state[1] = j / 6;
        for (let step = 0; step < 4000; step++) rk4Step(field, state, step * 5e-5, 5e-5, scratch);
        const index = points.findIndex((p) => Math.abs(p.vE - state[0]) < 1e-6 && Math.abs(p.vI - state[1]) < 1e-6);
        expect(index).toBeGreaterThanOrEqual(0);
        reached.add(index);
      }
    }
    expect([...reached].sort()).toEqual([0, 2]);
  });

  it("finds every fixed point that Newton's method reaches from a grid of starts, each with zero residual", () => {
    fc.assert(
      fc.property(sigmoidModels, (p) => {
        const { points, continuum } = eiFixedPoints(p);
        expect(continuum).toBe(false);
        expect(points.length).toBeGreaterThanOrEqual(1);
        for (const point of points) expect(residual(p, point)).toBeLessThan(1e-12);
        const [loE, hiE] = transferRange(p.transferE);
        const [loI, hiI] = transferRange(p.transferI);
        for (let i = 0; i <= 12; i++) {
          for (let j = 0; j <= 12; j++) {
            const found = newtonFrom(p, loE + ((hiE - loE) * (i + 0.5)) / 13, loI + ((hiI - loI) * (j + 0.5)) / 13);
            if (found && found.vE > loE && found.vE < hiE && found.vI > loI && found.vI < hiI) expect(isListed(points, found, 1e-7)).toBe(true);
          }
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('satisfies the index theorem: nodes and foci outnumber saddles by exactly one', () => {
    fc.assert(
      fc.property(sigmoidModels, (p) => {
        const classes = eiFixedPoints(p).points.map((q) => classifyFixedPoint(eiJacobian(p, q.vE, q.vI)));
        fc.pre(!classes.includes('degenerate (singular Jacobian)'));
        const saddles = classes.filter((c) => c === 'saddle').length;
        expect(classes.length - 2 * saddles).toBe(1);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('solves the triangular system when inhibition does not reach E (M_EI = 0)', () => {
    // A bistable E population drives I: two attractors and a saddle between them.
    const p = model('sigmoid', [12, 0, 6, -2], [0, 0], { gainE: 1.5, thetaE: 4, gainI: 1, thetaI: 3 });
    const { points } = eiFixedPoints(p);
    expect(points).toHaveLength(3);
    for (const point of points) expect(residual(p, point)).toBeLessThan(1e-14);
    expect(points.map((q) => classifyFixedPoint(eiJacobian(p, q.vE, q.vI)))).toEqual(['stable node', 'saddle', 'stable node']);
  });

  it('rejects a sigmoid population mixed with a piecewise-linear one', () => {
    const p = { ...wilsonCowan, transferI: { kind: 'linear' as const, gain: 1, threshold: 0 } };
    expect(() => eiFixedPoints(p)).toThrow(/both populations/);
  });
});

describe('eiFixedPoints — linear', () => {
  it('solves (M − 1)·v = γ directly', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 6, maxLength: 6 }), (r) => {
        const p = model('linear', [r[0], r[1], r[2], r[3]], [r[4], r[5]]);
        const det = (r[0] - 1) * (r[3] - 1) - r[1] * r[2];
        fc.pre(Math.abs(det) > 1e-3);
        const { points, continuum } = eiFixedPoints(p);
        expect(continuum).toBe(false);
        expect(points).toHaveLength(1);
        expect(residual(p, points[0])).toBeLessThan(1e-9 * (1 + Math.abs(points[0].vE) + Math.abs(points[0].vI)));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('reports a singular consistent system as a continuum, not as NaN', () => {
    // (M − 1) = [[1, −1], [2, −2]] has rank one; γ = (1, 2) lies in its range.
    const result = eiFixedPoints(model('linear', [2, -1, 2, -1], [1, 2]));
    expect(result.points).toHaveLength(0);
    expect(result.continuum).toBe(true);
    expect(result.note).toMatch(/continuum/);
  });

  it('reports a singular inconsistent system as having no fixed point', () => {
    const result = eiFixedPoints(model('linear', [2, -1, 2, -1], [1, 0]));
    expect(result.points).toHaveLength(0);
    expect(result.continuum).toBe(false);
    expect(result.note).toMatch(/no fixed point.*singular and inconsistent/);
  });
});

describe('eiFixedPoints — threshold-linear (region enumeration)', () => {
  const thresholdModels = fc
    .tuple(fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }))
    .map(([m, gE, gI]) => model('threshold-linear', [m[0], m[1], m[2], m[3]], [gE, gI]));

  it("lists only exact solutions of v = [M·v − γ]₊ and every one that Newton's method finds", () => {
    fc.assert(
      fc.property(thresholdModels, (p) => {
        const { points, continuum } = eiFixedPoints(p);
        fc.pre(!continuum);
        for (const point of points) {
          expect(point.vE).toBeGreaterThanOrEqual(0);
          expect(point.vI).toBeGreaterThanOrEqual(0);
          expect(residual(p, point)).toBeLessThan(1e-9 * (1 + point.vE + point.vI));
        }
        for (let i = 0; i <= 8; i++) {
          for (let j = 0; j <= 8; j++) {
            const found = newtonFrom(p, i * 0.7 + 0.01, j * 0.7 + 0.02);
            if (found) expect(isListed(points, found, 1e-7 * (1 + found.vE + found.vI))).toBe(true);
          }
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('finds the silent, the E-only and the fully active fixed points of a bistable circuit', () => {
    // E alone: v_E = [3v_E − 1]₊ gives 0 and 1/2; I follows v_I = [v_E − 0.2]₊ at 0 and 0.3.
    const p = model('threshold-linear', [3, 0, 1, 0], [1, 0.2]);
    const { points } = eiFixedPoints(p);
    expect(points).toEqual([
      { vE: 0, vI: 0 },
      { vE: 0.5, vI: expect.closeTo(0.3, 14) },
    ]);
  });

  it('reports a runaway network as having no fixed point', () => {
    const result = eiFixedPoints(model('threshold-linear', [2, 0, 0, 0], [-1, 0]));
    expect(result.points).toHaveLength(0);
    expect(result.note).toMatch(/no fixed point/);
  });

  it('reports a line of fixed points where a population is exactly self-sustaining', () => {
    // M_EE = 1, γ_E = 0: every v_E > 0 sustains itself while I stays silent.
    const result = eiFixedPoints(model('threshold-linear', [1, 0, 0, 0], [0, 1]));
    expect(result.continuum).toBe(true);
    expect(result.note).toMatch(/E is active .* I is silent/);
    expect(result.points).toEqual([{ vE: 0, vI: 0 }]);
  });
});
