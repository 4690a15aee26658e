import { brentRoot } from './brentRoot.js';
import type { GaussHermiteRule } from './gaussHermite.js';
import { meanFieldRule } from './meanFieldQuadrature.js';

/**
 * The length map of a deep random tanh network (Poole et al. 2016, eq. 3): the squared length per neuron of the
 * pre-activations in the next layer, q ↦ σ_w² ∫ tanh(√q·z)² Dz + σ_b², with weights of variance σ_w²/N and biases of
 * variance σ_b².
 */
export function lengthMap(q: number, sigmaW: number, sigmaB: number, rule: GaussHermiteRule = meanFieldRule()): number {
  const { nodes, weights } = rule;
  const root = Math.sqrt(q);
  let sum = 0;
  for (let i = 0; i < nodes.length; i++) {
    const phi = Math.tanh(root * nodes[i]);
    sum += weights[i] * phi * phi;
  }
  return sigmaW * sigmaW * sum + sigmaB * sigmaB;
}

/**
 * q*, the stable fixed point of the length map. It is unique for σ_b > 0. For σ_b = 0, q = 0 is always a fixed point
 * and the only one when σ_w ≤ 1; for σ_w > 1 the positive one is returned (q = 0 is then unstable).
 * Found by Brent's method inside [0, σ_w² + σ_b²], which holds every fixed point because tanh² < 1.
 */
export function lengthFixedPoint(sigmaW: number, sigmaB: number, rule: GaussHermiteRule = meanFieldRule()): number {
  checkVariances('lengthFixedPoint', sigmaW, sigmaB);
  const w2 = sigmaW * sigmaW;
  const b2 = sigmaB * sigmaB;
  if (b2 === 0 && w2 <= 1) return 0;
  const gap = (q: number): number => lengthMap(q, sigmaW, sigmaB, rule) - q;
  const upper = (w2 + b2) * (1 + 1e-9);
  let lower = 0;
  if (b2 === 0) {
    // Near 0 the gap is (σ_w² − 1)·q − 2σ_w²·q² + O(q³); start well inside the positive part.
    lower = (1e-3 * (w2 - 1)) / (2 * w2);
    while (gap(lower) <= 0 && lower > 1e-300) lower /= 2;
  }
  return brentRoot(gap, lower, upper);
}

export function checkVariances(caller: string, sigmaW: number, sigmaB: number): void {
  if (!(sigmaW >= 0 && sigmaB >= 0 && Number.isFinite(sigmaW) && Number.isFinite(sigmaB))) {
    throw new RangeError(`${caller}: expected finite σ_w ≥ 0 and σ_b ≥ 0, got σ_w ${sigmaW} and σ_b ${sigmaB}`);
  }
}
