export interface FindAllRootsOptions {
  /** Number of equal sampling intervals across [lo, hi]; roots closer together than one interval may merge. */
  readonly samples: number;
  /**
   * |f| at or below this counts as zero where f touches the axis without crossing it (a double root).
   * 0 (the default) reports only roots where f changes sign or is exactly zero at a sample.
   */
  readonly touchTolerance?: number;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * All roots of `f` in [lo, hi], increasing: sample f on a uniform grid, bracket each sign change and refine it by
 * Newton's method safeguarded with bisection (rtsafe; Press et al., Numerical Recipes §9.4). Where the samples
 * approach zero and turn back without crossing, a golden-section search for the extremum between them finds
 * either a hidden pair of roots (both then bracketed and refined) or a touching double root.
 *
 * @param f the function
 * @param slope its derivative
 */
export function findAllRoots(
  f: (x: number) => number,
  slope: (x: number) => number,
  lo: number,
  hi: number,
  options: FindAllRootsOptions,
): number[] {
  const samples = options.samples;
  if (!Number.isInteger(samples) || samples < 2) {
    throw new RangeError(`findAllRoots: expected samples to be an integer ≥ 2, got ${samples}`);
  }
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
    throw new RangeError(`findAllRoots: expected a finite interval lo ≤ hi, got [${lo}, ${hi}]`);
  }
  const touchTolerance = options.touchTolerance ?? 0;
  const roots: number[] = [];
  if (lo === hi) {
    if (f(lo) === 0) roots.push(lo);
    return roots;
  }
  const xs = new Float64Array(samples + 1);
  const fs = new Float64Array(samples + 1);
  const width = (hi - lo) / samples;
  for (let i = 0; i <= samples; i++) {
    const x = i === samples ? hi : lo + i * width;
    xs[i] = x;
    fs[i] = f(x);
  }
  for (let i = 0; i <= samples; i++) {
    if (fs[i] === 0) {
      roots.push(xs[i]);
      searchBesideZero(f, slope, xs, fs, i, samples, roots);
      continue;
    }
    if (i < samples && fs[i + 1] !== 0 && fs[i] > 0 !== fs[i + 1] > 0) {
      roots.push(newtonInBracket(f, slope, xs[i], xs[i + 1], fs[i]));
      continue;
    }
    // A sampled extremum of |f| with no sign change on either side may hide two roots or a touching one.
    if (i > 0 && i < samples && fs[i - 1] !== 0 && fs[i + 1] !== 0 && fs[i] > 0 === fs[i - 1] > 0 && fs[i] > 0 === fs[i + 1] > 0) {
      const magnitude = Math.abs(fs[i]);
      if (magnitude <= Math.abs(fs[i - 1]) && magnitude < Math.abs(fs[i + 1])) {
        searchTurningPoint(f, slope, xs[i - 1], xs[i + 1], fs[i] > 0 ? 1 : -1, touchTolerance, roots);
      }
    }
  }
  roots.sort((a, b) => a - b);
  return roots;
}

/**
 * A sample that is exactly a root hides the sign change of a second root in a neighbouring interval; the sign of f
 * just beside the zero, which the slope gives, restores it.
 */
function searchBesideZero(
  f: (x: number) => number,
  slope: (x: number) => number,
  xs: Float64Array,
  fs: Float64Array,
  i: number,
  samples: number,
  roots: number[],
): void {
  const s = slope(xs[i]);
  if (!(s !== 0 && Number.isFinite(s))) return;
  const offset = 1e-7 * (xs[Math.min(i + 1, samples)] - xs[Math.max(i - 1, 0)]);
  if (i < samples && fs[i + 1] !== 0 && s > 0 !== fs[i + 1] > 0) {
    const x = xs[i] + offset;
    const fx = f(x);
    if (fx !== 0 && fx > 0 !== fs[i + 1] > 0) roots.push(newtonInBracket(f, slope, x, xs[i + 1], fx));
  }
  if (i > 0 && fs[i - 1] !== 0 && s < 0 !== fs[i - 1] > 0) {
    const x = xs[i] - offset;
    const fx = f(x);
    if (fx !== 0 && fx > 0 !== fs[i - 1] > 0) roots.push(newtonInBracket(f, slope, xs[i - 1], x, fs[i - 1]));
  }
}

/** Refines a root in [a, b] where f changes sign; `fa` is f(a). */
function newtonInBracket(f: (x: number) => number, slope: (x: number) => number, a: number, b: number, fa: number): number {
  // Orient so that f(low) < 0 < f(high).
  let low = fa < 0 ? a : b;
  let high = fa < 0 ? b : a;
  let x = 0.5 * (a + b);
  let previousStep = Math.abs(b - a);
  let step = previousStep;
  for (let iteration = 0; iteration < 100; iteration++) {
    const fx = f(x);
    if (fx === 0) return x;
    if (fx < 0) low = x;
    else high = x;
    const dfx = slope(x);
    const newton = x - fx / dfx;
    const inside = (newton - low) * (newton - high) < 0;
    if (!inside || Math.abs(2 * fx) > Math.abs(previousStep * dfx)) {
      previousStep = step;
      step = 0.5 * (high - low);
      x = low + step;
    } else {
      previousStep = step;
      step = newton - x;
      x = newton;
    }
    if (Math.abs(step) <= 2 * Number.EPSILON * Math.abs(x) || Math.abs(high - low) <= 4 * Number.EPSILON * Math.abs(x)) return x;
  }
  return x;
}

/**
 * Golden-section search on [a, b] for the extremum of f that points towards zero (`sign` is the sign of f at the
 * samples): if f crosses zero there, both crossings are refined; if it only comes within `touchTolerance`, the
 * extremum is a double root.
 */
function searchTurningPoint(
  f: (x: number) => number,
  slope: (x: number) => number,
  a: number,
  b: number,
  sign: number,
  touchTolerance: number,
  roots: number[],
): void {
  let left = a;
  let right = b;
  let x1 = right - GOLDEN * (right - left);
  let x2 = left + GOLDEN * (right - left);
  let f1 = sign * f(x1);
  let f2 = sign * f(x2);
  for (let iteration = 0; iteration < 200 && right - left > 4 * Number.EPSILON * Math.max(Math.abs(left), Math.abs(right)); iteration++) {
    if (f1 <= 0 || f2 <= 0) {
      const crossing = f1 <= 0 ? x1 : x2;
      const fc = f(crossing);
      if (fc === 0) {
        roots.push(crossing);
        return;
      }
      roots.push(newtonInBracket(f, slope, a, crossing, f(a)));
      roots.push(newtonInBracket(f, slope, crossing, b, fc));
      return;
    }
    if (f1 < f2) {
      right = x2;
      x2 = x1;
      f2 = f1;
      x1 = right - GOLDEN * (right - left);
      f1 = sign * f(x1);
    } else {
      left = x1;
      x1 = x2;
      f1 = f2;
      x2 = left + GOLDEN * (right - left);
      f2 = sign * f(x2);
    }
  }
  const best = f1 < f2 ? x1 : x2;
  if (Math.min(f1, f2) <= touchTolerance) roots.push(best);
}
