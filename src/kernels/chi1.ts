import type { GaussHermiteRule } from './gaussHermite.js';
import { lengthFixedPoint } from './lengthMap.js';
import { meanFieldRule } from './meanFieldQuadrature.js';

/** σ_w² ∫ tanh′(√q·z)² Dz at a given q; tanh′² = sech⁴. */
export function chi1AtLength(q: number, sigmaW: number, rule: GaussHermiteRule = meanFieldRule()): number {
  const { nodes, weights } = rule;
  const root = Math.sqrt(q);
  let sum = 0;
  for (let i = 0; i < nodes.length; i++) {
    const sech = 1 / Math.cosh(root * nodes[i]);
    const slope = sech * sech;
    sum += weights[i] * slope * slope;
  }
  return sigmaW * sigmaW * sum;
}

/**
 * χ₁ = σ_w² ∫ tanh′(√q*·z)² Dz (Poole et al. 2016, eq. 7), the slope of the correlation map at c = 1 and the mean
 * squared singular value of the layer Jacobian: χ₁ < 1 ordered (nearby inputs converge), χ₁ > 1 chaotic.
 */
export function chi1(sigmaW: number, sigmaB: number, rule: GaussHermiteRule = meanFieldRule()): number {
  return chi1AtLength(lengthFixedPoint(sigmaW, sigmaB, rule), sigmaW, rule);
}
