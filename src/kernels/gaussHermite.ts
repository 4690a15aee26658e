import { findAllRoots } from './findAllRoots.js';

/** Nodes and weights with Σ w_i g(z_i) ≈ ∫ g(z) Dz, Dz the standard normal measure; nodes increasing. */
export interface GaussHermiteRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/** Beyond this the Hermite functions underflow at the outermost nodes (they decay like e^(−x²/4) past |x| ≈ 2√n). */
export const GAUSS_HERMITE_MAX_NODES = 700;

/**
 * Writes the Hermite functions ψ_k(x) = p_k(x)·e^(−x²/4) for k = 0 … n into `out` (length ≥ n + 1), where p_k are the
 * Hermite polynomials orthonormal under the standard normal measure (p_k = He_k/√k!). The factor e^(−x²/4) keeps the
 * values of order one where the bare polynomials would overflow; the recurrence is that of p_k.
 */
function hermiteFunctions(x: number, n: number, out: Float64Array): void {
  out[0] = Math.exp(-0.25 * x * x);
  if (n === 0) return;
  out[1] = x * out[0];
  for (let k = 1; k < n; k++) out[k + 1] = (x * out[k] - Math.sqrt(k) * out[k - 1]) / Math.sqrt(k + 1);
}

/**
 * The n-point Gauss–Hermite rule for the standard normal measure (probabilists' Hermite polynomials), exact for
 * polynomials of degree ≤ 2n − 1. Nodes are the zeros of He_n, bracketed on a grid finer than their smallest spacing
 * (π/√n, at the centre) inside the bound |z| < √(4n + 2) and refined by safeguarded Newton on the Hermite function ψ_n;
 * weights are the Christoffel numbers w_i = 1/Σ_{k<n} p_k(z_i)² = e^(−z_i²/2)/Σ_{k<n} ψ_k(z_i)². Symmetry z ↦ −z is
 * imposed exactly. Zeros of ψ_n are those of He_n; ψ_n′ = √n·ψ_{n−1} − (x/2)·ψ_n.
 */
export function gaussHermite(n: number): GaussHermiteRule {
  if (!Number.isInteger(n) || n < 1 || n > GAUSS_HERMITE_MAX_NODES) {
    throw new RangeError(`gaussHermite: expected an integer number of nodes in [1, ${GAUSS_HERMITE_MAX_NODES}], got ${n}`);
  }
  const values = new Float64Array(n + 1);
  const polynomial = (x: number): number => {
    hermiteFunctions(x, n, values);
    return values[n];
  };
  const slope = (x: number): number => {
    hermiteFunctions(x, n, values);
    return Math.sqrt(n) * values[n - 1] - 0.5 * x * values[n];
  };
  const bound = Math.sqrt(4 * n + 2);
  const step = 0.1 / Math.sqrt(n);
  // Start just right of 0 so an odd n's central zero is not found twice.
  const start = step / 2;
  const positive = findAllRoots(polynomial, slope, start, bound, { samples: Math.ceil((bound - start) / step) });
  const half = Math.floor(n / 2);
  if (positive.length !== half) {
    throw new RangeError(`gaussHermite: expected ${half} positive zeros of He_${n}, found ${positive.length}`);
  }
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const weightAt = (x: number): number => {
    hermiteFunctions(x, n - 1, values);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += values[k] * values[k];
    return Math.exp(-0.5 * x * x) / sum;
  };
  for (let i = 0; i < half; i++) {
    const x = positive[i];
    const w = weightAt(x);
    nodes[n - half + i] = x;
    weights[n - half + i] = w;
    nodes[half - 1 - i] = -x;
    weights[half - 1 - i] = w;
  }
  if (n % 2 === 1) {
    nodes[half] = 0;
    weights[half] = weightAt(0);
  }
  return { nodes, weights };
}
