import { brentRoot } from './brentRoot.js';
import { chi1 } from './chi1.js';
import type { GaussHermiteRule } from './gaussHermite.js';
import { meanFieldRule } from './meanFieldQuadrature.js';

/**
 * The σ_w of the order-to-chaos boundary χ₁(σ_w, σ_b) = 1 of a deep random tanh network (Poole et al. 2016) at a
 * given σ_b, by Brent's method.
 *
 * At σ_b = 0 it is exactly 1: for σ_w ≤ 1, q* = 0 and χ₁ = σ_w²; for σ_w > 1, expanding tanh gives
 * σ_w⁻² = 1 − 2q* + (17/3)q*² and χ₁ = σ_w²(1 − 2q* + 7q*²) ≈ 1 + (4/3)q*² > 1. That crossing is quadratic on the
 * chaotic side, so it is returned from the analysis rather than from a root search that could only place it to √ε.
 * For σ_b > 0, χ₁ < σ_w² ≤ 1 at σ_w = 1 (q* > 0 makes tanh′² < 1) and χ₁ grows without bound with σ_w,
 * which brackets the root.
 */
export function criticalSigmaW(sigmaB: number, rule: GaussHermiteRule = meanFieldRule()): number {
  if (!(sigmaB >= 0 && Number.isFinite(sigmaB))) throw new RangeError(`criticalSigmaW: expected a finite σ_b ≥ 0, got ${sigmaB}`);
  if (sigmaB === 0) return 1;
  const excess = (sigmaW: number): number => chi1(sigmaW, sigmaB, rule) - 1;
  let lower = 1;
  let upper = 2;
  while (excess(upper) <= 0) {
    lower = upper;
    upper *= 2;
    if (upper > 1e6) throw new RangeError(`criticalSigmaW: found no chaotic σ_w below 1e6 at σ_b ${sigmaB}`);
  }
  return brentRoot(excess, lower, upper, 1e-13);
}

/** The boundary as `{ sigmaB, sigmaW }` points, one per σ_b given, in the given order. */
export function criticalLine(sigmaBs: readonly number[], rule: GaussHermiteRule = meanFieldRule()): { sigmaB: number; sigmaW: number }[] {
  return sigmaBs.map((sigmaB) => ({ sigmaB, sigmaW: criticalSigmaW(sigmaB, rule) }));
}
