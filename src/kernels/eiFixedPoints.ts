import type { EiRateParams } from './eiRateField.js';
import { eiInputE, eiInputI } from './eiRateField.js';
import { findAllRoots } from './findAllRoots.js';
import type { TransferFunction } from './transfer.js';
import { transferRange, transferSlope, transferValue } from './transfer.js';

export interface EiFixedPoint {
  readonly vE: number;
  readonly vI: number;
}

export interface EiFixedPointSet {
  /** The isolated fixed points, sorted by v_E then v_I. */
  readonly points: readonly EiFixedPoint[];
  /** True when, besides `points`, a whole line or region of the plane consists of fixed points. */
  readonly continuum: boolean;
  /** A plain statement whenever the answer is not simply a list of isolated points: none exist, or a continuum does. */
  readonly note?: string;
}

/** Fixed-point conditions hold to this relative precision when a point is tested against a region's inequalities. */
const FEASIBILITY_TOLERANCE = 1e-10;
/** Two fixed points closer than this (relative) are one. */
const DUPLICATE_TOLERANCE = 1e-9;
/** Sampling density of the nullcline scan, in samples per sigmoid width 1/a. */
const SAMPLES_PER_WIDTH = 32;
const MIN_SAMPLES = 2000;
const MAX_SAMPLES = 200_000;
/**
 * |M_EI| at or below this fraction of max(1, |M_EE|, |γ_E|), the size of the E input's terms, is set to zero for the
 * scan: v_I = u/M_EI would amplify the rounding of u beyond 1e-9 of the rate range. The candidates are then
 * polished on the exact equations, which moves them by O(M_EI).
 */
const NEGLIGIBLE_COUPLING = 1e-7;

/**
 * All fixed points of the E–I rate model (τ's do not matter: fixed points solve v = f(M·v − γ)).
 *
 * - Piecewise-linear transfer (linear, threshold-linear): exact. Each population is active (v = input) or, for
 *   threshold-linear, inactive (v = 0, input ≤ 0); each of the ≤ 4 combinations is a 2×2 linear system whose
 *   solution is kept when it satisfies its own inequalities. A singular system is reported as no fixed point or as a
 *   continuum, never as NaN.
 * - Sigmoid: the rates are bounded, so every fixed point lies in the product of the two ranges. The E nullcline is
 *   parametrised by the E input x (v_E = f_E(x), v_I = (x − M_EE v_E + γ_E)/M_EI), which covers it exactly once;
 *   only the windows of x where that v_I lies inside f_I's range can hold fixed points. The I condition is scanned
 *   across each window, sign changes (and touching extrema) are refined by safeguarded Newton, and each root is
 *   polished by two-dimensional Newton on the original equations. With M_EI = 0 (or negligible) the system is
 *   triangular: the E equation alone, then the I equation for each v_E.
 *
 * Mixing a sigmoid with a piecewise-linear population is not supported (the scan needs both rates bounded).
 */
export function eiFixedPoints(p: EiRateParams): EiFixedPointSet {
  const values = [p.mEE, p.mEI, p.mIE, p.mII, p.gammaE, p.gammaI];
  if (!values.every(Number.isFinite)) {
    throw new RangeError(`eiFixedPoints: expected finite couplings and inputs, got M = [${values.slice(0, 4)}], γ = [${values.slice(4)}]`);
  }
  const sigmoidE = p.transferE.kind === 'sigmoid';
  const sigmoidI = p.transferI.kind === 'sigmoid';
  if (sigmoidE && sigmoidI) {
    checkSigmoid('E', p.transferE);
    checkSigmoid('I', p.transferI);
    const points = sigmoidFixedPoints(p);
    // Bounded rates map the box of ranges into itself, so Brouwer guarantees a fixed point; say so if none was found.
    if (points.length === 0) return { points, continuum: false, note: 'no fixed point found, although bounded rates guarantee one: the scan failed' };
    return { points, continuum: false };
  }
  if (!sigmoidE && !sigmoidI) return piecewiseLinearFixedPoints(p);
  throw new RangeError(
    `eiFixedPoints: expected both populations to be sigmoid or both piecewise-linear, got E ${p.transferE.kind} and I ${p.transferI.kind}`,
  );
}

function checkSigmoid(population: string, fn: TransferFunction): void {
  if (!(fn.gain > 0 && Number.isFinite(fn.gain) && Number.isFinite(fn.threshold))) {
    throw new RangeError(`eiFixedPoints: expected a finite positive gain and finite threshold for ${population}, got gain ${fn.gain}, threshold ${fn.threshold}`);
  }
}

// ── piecewise-linear transfer: enumerate active/inactive regions ───────────────────────────────

/** The inequality `a·v_E + b·v_I + c > 0` (positive) or `≤ 0` (not positive) that keeps a point in its region. */
interface Constraint {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly positive: boolean;
}

type LinearSolution =
  | { readonly kind: 'unique'; readonly x: number; readonly y: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'line'; readonly px: number; readonly py: number; readonly dx: number; readonly dy: number }
  | { readonly kind: 'plane' };

/** Solves [[a, b], [c, d]]·(x, y) = (g, h), telling a singular system's empty, line and plane cases apart. */
function solveLinear2(a: number, b: number, c: number, d: number, g: number, h: number): LinearSolution {
  const norm1 = Math.hypot(a, b);
  const norm2 = Math.hypot(c, d);
  const det = a * d - b * c;
  if (Math.abs(det) > 1e-12 * norm1 * norm2) return { kind: 'unique', x: (g * d - b * h) / det, y: (a * h - c * g) / det };
  if (norm1 === 0 && norm2 === 0) return g === 0 && h === 0 ? { kind: 'plane' } : { kind: 'none' };
  // Rank one: the larger row defines the line, the other must be a consistent multiple of it.
  const [ra, rb, rg, sa, sb, sg] = norm1 >= norm2 ? [a, b, g, c, d, h] : [c, d, h, a, b, g];
  const rr = ra * ra + rb * rb;
  const multiple = (sa * ra + sb * rb) / rr;
  const mismatch = sg - multiple * rg;
  if (Math.abs(mismatch) > 1e-12 * (Math.abs(sg) + Math.abs(multiple * rg))) return { kind: 'none' };
  const length = Math.sqrt(rr);
  return { kind: 'line', px: (ra * rg) / rr, py: (rb * rg) / rr, dx: -rb / length, dy: ra / length };
}

function satisfies(constraint: Constraint, vE: number, vI: number, tolerance: number): boolean {
  const value = constraint.a * vE + constraint.b * vI + constraint.c;
  return constraint.positive ? value > -tolerance : value <= tolerance;
}

/** Whether the line p + t·d passes through the open region the constraints cut out (more than a boundary point). */
function lineMeetsRegion(line: { px: number; py: number; dx: number; dy: number }, constraints: readonly Constraint[], tolerance: number): boolean {
  let low = -Infinity;
  let high = Infinity;
  for (const k of constraints) {
    const rate = k.a * line.dx + k.b * line.dy;
    const offset = k.a * line.px + k.b * line.py + k.c;
    if (Math.abs(rate) <= 1e-12 * (Math.abs(k.a) + Math.abs(k.b))) {
      if (k.positive ? !(offset > tolerance) : !(offset <= tolerance)) return false;
      continue;
    }
    const bound = -offset / rate;
    if (k.positive === rate > 0) low = Math.max(low, bound);
    else high = Math.min(high, bound);
  }
  return high - low > tolerance;
}

function piecewiseLinearFixedPoints(p: EiRateParams): EiFixedPointSet {
  const thresholdE = p.transferE.kind === 'threshold-linear';
  const thresholdI = p.transferI.kind === 'threshold-linear';
  const scale = Math.max(1, Math.abs(p.gammaE), Math.abs(p.gammaI));
  const couplingScale = Math.max(1, Math.abs(p.mEE), Math.abs(p.mEI), Math.abs(p.mIE), Math.abs(p.mII));
  const points: EiFixedPoint[] = [];
  const continuumRegions: string[] = [];
  let singularWithoutSolution = false;
  for (const activeE of thresholdE ? [true, false] : [true]) {
    for (const activeI of thresholdI ? [true, false] : [true]) {
      // Active: v = input, i.e. (M_k − e_k)·v = γ_k. Inactive: v_k = 0 with input ≤ 0.
      const constraints: Constraint[] = [];
      const [a, b, g] = activeE ? [p.mEE - 1, p.mEI, p.gammaE] : [1, 0, 0];
      const [c, d, h] = activeI ? [p.mIE, p.mII - 1, p.gammaI] : [0, 1, 0];
      if (thresholdE) constraints.push(activeE ? { a: 1, b: 0, c: 0, positive: true } : { a: p.mEE, b: p.mEI, c: -p.gammaE, positive: false });
      if (thresholdI) constraints.push(activeI ? { a: 0, b: 1, c: 0, positive: true } : { a: p.mIE, b: p.mII, c: -p.gammaI, positive: false });
      const solution = solveLinear2(a, b, c, d, g, h);
      if (solution.kind === 'unique') {
        const tolerance = FEASIBILITY_TOLERANCE * couplingScale * Math.max(scale, Math.abs(solution.x), Math.abs(solution.y));
        if (constraints.every((k) => satisfies(k, solution.x, solution.y, tolerance))) {
          // Inside the tolerance an active rate may be a rounding error below zero.
          // `+ 0` turns −0 into 0.
          points.push({ vE: (thresholdE ? Math.max(0, solution.x) : solution.x) + 0, vI: (thresholdI ? Math.max(0, solution.y) : solution.y) + 0 });
        }
      } else if (solution.kind === 'none') {
        singularWithoutSolution = true;
      } else if (solution.kind === 'plane' || lineMeetsRegion(solution, constraints, FEASIBILITY_TOLERANCE * couplingScale * scale)) {
        continuumRegions.push(regionName(thresholdE, thresholdI, activeE, activeI));
      }
    }
  }
  const unique = deduplicate(points);
  const continuum = continuumRegions.length > 0;
  let note: string | undefined;
  if (continuum) {
    note = `a continuum of fixed points: the fixed-point equations v = M·v − γ are singular and consistent${continuumRegions[0] ? ` where ${continuumRegions.join('; and where ')}` : ''}`;
  } else if (unique.length === 0) {
    note = singularWithoutSolution && !thresholdE && !thresholdI
      ? 'no fixed point: the linear fixed-point equations (M − 1)·v = γ are singular and inconsistent'
      : 'no fixed point: every trajectory is unbounded (Poincaré–Bendixson)';
  }
  return note === undefined ? { points: unique, continuum } : { points: unique, continuum, note };
}

function regionName(thresholdE: boolean, thresholdI: boolean, activeE: boolean, activeI: boolean): string {
  const parts: string[] = [];
  if (thresholdE) parts.push(activeE ? 'E is active (v_E > 0)' : 'E is silent (v_E = 0)');
  if (thresholdI) parts.push(activeI ? 'I is active (v_I > 0)' : 'I is silent (v_I = 0)');
  return parts.join(' and ');
}

// ── sigmoid transfer: scan the E nullcline, then polish ─────────────────────────────────────

/** min and max of m·v over v ∈ [lo, hi]. */
function scaledRange(m: number, lo: number, hi: number): [number, number] {
  return m >= 0 ? [m * lo, m * hi] : [m * hi, m * lo];
}

/**
 * [a, b] widened slightly. A fixed point of a saturated population sits where its rate is within rounding of a range
 * bound, that is, at an end of the scanned interval, where the residual is rounding noise; just outside, the residual
 * has the definite sign that brackets the root.
 */
function padded(a: number, b: number): [number, number] {
  const pad = 1e-6 * (b - a) + 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  return [a - pad, b + pad];
}

function sampleCount(width: number, featureRate: number): number {
  const wanted = Math.ceil(width * featureRate * SAMPLES_PER_WIDTH);
  return Math.min(MAX_SAMPLES, Math.max(MIN_SAMPLES, Number.isFinite(wanted) ? wanted : MAX_SAMPLES));
}

function sigmoidFixedPoints(p: EiRateParams): EiFixedPoint[] {
  const fE = p.transferE;
  const fI = p.transferI;
  const [loE, hiE] = transferRange(fE);
  const [loI, hiI] = transferRange(fI);
  const inputScale = Math.max(1, Math.abs(p.mEE), Math.abs(p.gammaE));
  const candidates: EiFixedPoint[] = [];
  if (Math.abs(p.mEI) > NEGLIGIBLE_COUPLING * inputScale) {
    const inverseMEI = 1 / p.mEI;
    // Along the E nullcline v_I = u(x)/M_EI; only x where that lies inside f_I's range can carry a fixed point.
    const excess = (x: number): number => x - p.mEE * transferValue(fE, x) + p.gammaE;
    const excessSlope = (x: number): number => 1 - p.mEE * transferSlope(fE, x);
    const residual = (x: number): number => {
      const vE = transferValue(fE, x);
      const vI = excess(x) * inverseMEI;
      return transferValue(fI, p.mIE * vE + p.mII * vI - p.gammaI) - vI;
    };
    const residualSlope = (x: number): number => {
      const vE = transferValue(fE, x);
      const vI = excess(x) * inverseMEI;
      const dvE = transferSlope(fE, x);
      const dvI = (1 - p.mEE * dvE) * inverseMEI;
      return transferSlope(fI, p.mIE * vE + p.mII * vI - p.gammaI) * (p.mIE * dvE + p.mII * dvI) - dvI;
    };
    const [eLo, eHi] = scaledRange(p.mEE, loE, hiE);
    const [iLo, iHi] = scaledRange(p.mEI, loI, hiI);
    const xLo = eLo + iLo - p.gammaE;
    const xHi = eHi + iHi - p.gammaE;
    // u(x) has at most three monotone pieces (f_E′ is a bell), so within the windows v_I varies by at most 3·(range of
    // f_I) in total and the I input by at most |M_IE|·(range of f_E) + 3·|M_II|·(range of f_I).
    const inputVariation = Math.abs(p.mIE) * (hiE - loE) + 3 * Math.abs(p.mII) * (hiI - loI);
    for (const [a, b] of windowsInside(excess, excessSlope, iLo, iHi, xLo, xHi, fE.gain)) {
      const samples = sampleCount(1, fE.gain * (b - a) + fI.gain * inputVariation + 1);
      const touch = 1e-10 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)) * Math.abs(inverseMEI));
      for (const x of findAllRoots(residual, residualSlope, a, b, { samples, touchTolerance: touch })) {
        candidates.push({ vE: transferValue(fE, x), vI: excess(x) * inverseMEI });
      }
    }
  } else {
    // Triangular (M_EI = 0, or negligible and restored by polishing): v_E solves its own equation; v_I then solves the
    // I equation for that v_E.
    for (const vE of scalarSigmoidFixedPoints(fE, p.mEE, -p.gammaE, loE, hiE)) {
      for (const vI of scalarSigmoidFixedPoints(fI, p.mII, p.mIE * vE - p.gammaI, loI, hiI)) candidates.push({ vE, vI });
    }
  }
  return deduplicate(candidates.map((point) => polish(p, point)));
}

/** The subintervals of [lo, hi] on which lower < g(x) < upper, cut at the solutions of g = lower and g = upper. */
function windowsInside(
  g: (x: number) => number,
  slope: (x: number) => number,
  lower: number,
  upper: number,
  lo: number,
  hi: number,
  gain: number,
): [number, number][] {
  const samples = sampleCount(hi - lo, gain);
  const cuts = [
    lo,
    ...findAllRoots((x) => g(x) - lower, slope, lo, hi, { samples }),
    ...findAllRoots((x) => g(x) - upper, slope, lo, hi, { samples }),
    hi,
  ].sort((a, b) => a - b);
  const windows: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    if (!(b > a)) continue;
    const middle = g(0.5 * (a + b));
    if (middle > lower && middle < upper) windows.push(padded(a, b));
  }
  return windows;
}

/** All v = f(x) with x = m·f(x) + offset: the fixed points of one self-coupled population with a fixed extra input. */
function scalarSigmoidFixedPoints(fn: TransferFunction, m: number, offset: number, lo: number, hi: number): number[] {
  if (m === 0) return [transferValue(fn, offset)];
  const [mLo, mHi] = scaledRange(m, lo, hi);
  const [xLo, xHi] = padded(mLo + offset, mHi + offset);
  const residual = (x: number): number => m * transferValue(fn, x) + offset - x;
  const slope = (x: number): number => m * transferSlope(fn, x) - 1;
  const touch = 1e-10 * Math.max(1, Math.abs(xLo), Math.abs(xHi));
  const roots = findAllRoots(residual, slope, xLo, xHi, { samples: sampleCount(xHi - xLo, fn.gain), touchTolerance: touch });
  return roots.map((x) => transferValue(fn, x));
}

/** A few Newton steps on G(v) = −v + f(M·v − γ), kept only while they shrink the residual. */
function polish(p: EiRateParams, point: EiFixedPoint): EiFixedPoint {
  let { vE, vI } = point;
  let [gE, gI] = residuals(p, vE, vI);
  let size = Math.hypot(gE, gI);
  for (let iteration = 0; iteration < 6 && size > 0; iteration++) {
    const sE = transferSlope(p.transferE, eiInputE(p, vE, vI));
    const sI = transferSlope(p.transferI, eiInputI(p, vE, vI));
    const a = -1 + p.mEE * sE;
    const b = p.mEI * sE;
    const c = p.mIE * sI;
    const d = -1 + p.mII * sI;
    const det = a * d - b * c;
    if (det === 0 || !Number.isFinite(det)) break;
    const nextE = vE - (gE * d - b * gI) / det;
    const nextI = vI - (a * gI - c * gE) / det;
    const [nE, nI] = residuals(p, nextE, nextI);
    const nextSize = Math.hypot(nE, nI);
    if (!(nextSize < size)) break;
    vE = nextE;
    vI = nextI;
    gE = nE;
    gI = nI;
    size = nextSize;
  }
  return { vE, vI };
}

function residuals(p: EiRateParams, vE: number, vI: number): [number, number] {
  return [transferValue(p.transferE, eiInputE(p, vE, vI)) - vE, transferValue(p.transferI, eiInputI(p, vE, vI)) - vI];
}

function deduplicate(points: readonly EiFixedPoint[]): EiFixedPoint[] {
  const sorted = [...points].sort((a, b) => a.vE - b.vE || a.vI - b.vI);
  const kept: EiFixedPoint[] = [];
  for (const point of sorted) {
    const same = kept.some(
      (k) => Math.abs(k.vE - point.vE) <= DUPLICATE_TOLERANCE * (1 + Math.abs(point.vE)) && Math.abs(k.vI - point.vI) <= DUPLICATE_TOLERANCE * (1 + Math.abs(point.vI)),
    );
    if (!same) kept.push(point);
  }
  return kept;
}
