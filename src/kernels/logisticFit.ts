import { brentRoot } from './brentRoot.js';

export interface LogisticFit {
  /** The x at which P = 1/2. NaN when the data hold no transition (no success, or no failure, at all). */
  readonly midpoint: number;
  /** The width s of P(x) = 1/(1 + e^{−(x − midpoint)/s}); the 10–90 % rise spans 2·ln 9·s. */
  readonly scale: number;
  /** Binomial log-likelihood of the fit (without the constant binomial coefficients). */
  readonly logLikelihood: number;
  /**
   * True when the data are separated: every trial left of some x failed and every one right of it succeeded
   * (with at most one mixed point between). The likelihood then keeps rising as the transition sharpens, so no
   * finite maximum exists: `scale` is set to its lower bound and `midpoint` to the middle of the gap between the
   * last point with a failure and the first point with a success (the mixed point itself, if there is one).
   */
  readonly separated: boolean;
}

/** P(x) of a fitted logistic curve. */
export function logisticValue(fit: LogisticFit, x: number): number {
  return 1 / (1 + Math.exp(-(x - fit.midpoint) / fit.scale));
}

/** ln σ(z) without overflow or cancellation. */
function logSigmoid(z: number): number {
  return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
}

/**
 * Maximum-likelihood fit of an increasing logistic curve P(x) = 1/(1 + e^{−(x − μ)/s}) to binomial counts:
 * `successes[i]` of `trials[i]` at `x[i]` (for the divergence probability, x = log10 ε).
 *
 * The likelihood is profiled: for a given s the best μ is the unique root of the score
 * Σ (k_i − n_i·P(x_i)), which increases monotonically in μ (Brent's method); the profile is then maximised over
 * ln s on a grid followed by golden-section refinement, with s in [1e-4, 10] × the span of x. No starting
 * guess is needed and every step is bracketed, so the fit cannot diverge. Separated data, which have no finite
 * maximum, are recognised beforehand (see {@link LogisticFit.separated}).
 */
export function fitLogistic(x: ArrayLike<number>, successes: ArrayLike<number>, trials: ArrayLike<number>): LogisticFit {
  const n = x.length;
  if (successes.length !== n || trials.length !== n) {
    throw new RangeError(`fitLogistic: expected x, successes and trials of one length, got ${n}, ${successes.length} and ${trials.length}`);
  }
  let totalSuccesses = 0;
  let totalTrials = 0;
  let xMin = Infinity;
  let xMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = successes[i];
    const m = trials[i];
    if (!(Number.isFinite(x[i]) && m >= 0 && k >= 0 && k <= m)) {
      throw new RangeError(`fitLogistic: expected finite x and 0 ≤ successes ≤ trials, got x ${x[i]}, ${k} of ${m} at index ${i}`);
    }
    if (m === 0) continue;
    totalSuccesses += k;
    totalTrials += m;
    if (x[i] < xMin) xMin = x[i];
    if (x[i] > xMax) xMax = x[i];
  }
  if (totalSuccesses === 0 || totalSuccesses === totalTrials) return { midpoint: NaN, scale: NaN, logLikelihood: 0, separated: false };
  // Separated data (every trial left of some x failed, every one right of it succeeded, at most one mixed point
  // between) have no finite maximum: the likelihood keeps rising as the curve sharpens into a step there.
  let lastFailure = -Infinity;
  let firstSuccess = Infinity;
  for (let i = 0; i < n; i++) {
    if (trials[i] === 0) continue;
    if (successes[i] < trials[i] && x[i] > lastFailure) lastFailure = x[i];
    if (successes[i] > 0 && x[i] < firstSuccess) firstSuccess = x[i];
  }
  const span = xMax > xMin ? xMax - xMin : 1;
  const minScale = 1e-4 * span;
  const maxScale = 10 * span;

  const logLikelihood = (mu: number, s: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const z = (x[i] - mu) / s;
      sum += successes[i] * logSigmoid(z) + (trials[i] - successes[i]) * logSigmoid(-z);
    }
    return sum;
  };
  if (lastFailure <= firstSuccess) {
    const midpoint = (lastFailure + firstSuccess) / 2;
    return { midpoint, scale: minScale, logLikelihood: logLikelihood(midpoint, minScale), separated: true };
  }
  const bestMidpoint = (s: number): number => {
    const score = (mu: number) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += successes[i] - trials[i] / (1 + Math.exp(-(x[i] - mu) / s));
      return sum;
    };
    return brentRoot(score, xMin - 60 * s, xMax + 60 * s, 1e-12 * span);
  };
  const profile = (logScale: number): number => {
    const s = Math.exp(logScale);
    return logLikelihood(bestMidpoint(s), s);
  };

  const lo = Math.log(minScale);
  const hi = Math.log(maxScale);
  const gridPoints = 61;
  const step = (hi - lo) / (gridPoints - 1);
  let bestIndex = 0;
  let bestValue = -Infinity;
  for (let g = 0; g < gridPoints; g++) {
    const value = profile(lo + g * step);
    if (value > bestValue) {
      bestValue = value;
      bestIndex = g;
    }
  }
  // golden-section search on the two grid cells around the best point
  let a = lo + Math.max(0, bestIndex - 1) * step;
  let b = lo + Math.min(gridPoints - 1, bestIndex + 1) * step;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = profile(c);
  let fd = profile(d);
  for (let iteration = 0; iteration < 100 && b - a > 1e-10; iteration++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = profile(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = profile(d);
    }
  }
  let logScale = (a + b) / 2;
  if (bestValue > profile(logScale)) logScale = lo + bestIndex * step;
  const s = Math.exp(logScale);
  const mu = bestMidpoint(s);
  return { midpoint: mu, scale: s, logLikelihood: logLikelihood(mu, s), separated: false };
}
