import { brentRoot } from './brentRoot.js';
import { chi1AtLength } from './chi1.js';
import type { GaussHermiteRule } from './gaussHermite.js';
import { checkVariances, lengthFixedPoint } from './lengthMap.js';
import { meanFieldRule } from './meanFieldQuadrature.js';

/**
 * The correlation map of a deep random tanh network at the length fixed point q* (Poole et al. 2016, eq. 5):
 * c ↦ (σ_w² ∫∫ tanh(u₁)·tanh(u₂) Dz₁ Dz₂ + σ_b²)/q*, with u₁ = √q*·z₁ and u₂ = √q*·(c·z₁ + √(1 − c²)·z₂),
 * evaluated with the product Gauss–Hermite rule. At q* = 0 it returns c, its limit as q* → 0 (tanh is linear there).
 */
export function correlationMap(c: number, qStar: number, sigmaW: number, sigmaB: number, rule: GaussHermiteRule = meanFieldRule()): number {
  if (!(c >= -1 && c <= 1)) throw new RangeError(`correlationMap: expected a correlation c in [−1, 1], got ${c}`);
  if (qStar === 0) return c;
  const { nodes, weights } = rule;
  const n = nodes.length;
  const root = Math.sqrt(qStar);
  const along = root * c;
  const across = root * Math.sqrt(Math.max(0, 1 - c * c));
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const shared = along * nodes[i];
    let inner = 0;
    for (let j = 0; j < n; j++) inner += weights[j] * Math.tanh(shared + across * nodes[j]);
    sum += weights[i] * Math.tanh(root * nodes[i]) * inner;
  }
  return (sigmaW * sigmaW * sum + sigmaB * sigmaB) / qStar;
}

/**
 * c*, the stable fixed point of the correlation map. c = 1 is always a fixed point, with slope χ₁; in the ordered
 * phase (χ₁ ≤ 1) it is the stable one and 1 is returned. In the chaotic phase the map, a power series in c with
 * non-negative coefficients (Hermite expansion), is convex on [0, 1] with C(0) ≥ 0, so exactly one other fixed point
 * lies in [0, 1), found by Brent's method; with σ_b = 0 it is 0 by the odd symmetry of tanh.
 *
 * Throws when q* = 0 (σ_b = 0, σ_w ≤ 1): every input then shrinks to 0 and c* is undefined.
 */
export function correlationFixedPoint(sigmaW: number, sigmaB: number, rule: GaussHermiteRule = meanFieldRule()): number {
  checkVariances('correlationFixedPoint', sigmaW, sigmaB);
  const qStar = lengthFixedPoint(sigmaW, sigmaB, rule);
  if (qStar === 0) {
    throw new RangeError(`correlationFixedPoint: expected q* > 0, got q* = 0 at σ_w ${sigmaW}, σ_b ${sigmaB}: every input shrinks to 0, so c* is undefined`);
  }
  if (chi1AtLength(qStar, sigmaW, rule) <= 1) return 1;
  if (sigmaB === 0) return 0;
  const gap = (c: number): number => correlationMap(c, qStar, sigmaW, sigmaB, rule) - c;
  // Walk towards 1 until the map falls below the diagonal; it does just below 1 because its slope there exceeds 1.
  let lower = 0;
  let upper = 0.5;
  for (let k = 1; gap(upper) >= 0; k++) {
    if (k > 52) return 1;
    lower = upper;
    upper = 1 - 2 ** -(k + 1);
  }
  return brentRoot(gap, lower, upper, 1e-14);
}
