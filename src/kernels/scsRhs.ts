import { dot } from './dot.js';

/**
 * The random rate network of Sompolinsky, Crisanti & Sommers (1988): dh/dt = −h + J·tanh(h),
 * with J a dense row-major n × n matrix (`J[i * n + j]`, input to i from j).
 */

/** out = −h + J·tanh(h). `rate` (length n) receives tanh(h). `out` must not alias `h`. */
export function scsRhs(coupling: Float64Array, n: number, h: Float64Array, out: Float64Array, rate: Float64Array): void {
  for (let j = 0; j < n; j++) rate[j] = Math.tanh(h[j]);
  for (let i = 0; i < n; i++) out[i] = dot(coupling, i * n, rate, 0, n) - h[i];
}

/** slope[j] = tanh′(h_j) = 1 − tanh²(h_j), the diagonal of the Jacobian's gain factor. */
export function tanhSlope(h: Float64Array, slope: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    const t = Math.tanh(h[j]);
    slope[j] = 1 - t * t;
  }
}

/**
 * The Jacobian–vector product out_i = Σ_j J_ij tanh′(h_j) v_j − v_i, with `slope` = tanh′(h) from `tanhSlope`
 * (shared by every tangent vector at the same state). `weighted` (length n) is scratch; `out` must not alias `v`.
 */
export function scsJacobianVector(
  coupling: Float64Array,
  n: number,
  slope: Float64Array,
  v: Float64Array,
  out: Float64Array,
  weighted: Float64Array,
): void {
  for (let j = 0; j < n; j++) weighted[j] = slope[j] * v[j];
  for (let i = 0; i < n; i++) out[i] = dot(coupling, i * n, weighted, 0, n) - v[i];
}

/**
 * `scsJacobianVector` for k tangent vectors at once, stored column-major (vector c at `[c * n, c * n + n)`).
 * Each row of J is read once for all k vectors. `weighted` is scratch of length n·k; `out` must not alias `vectors`.
 */
export function scsJacobianBlock(
  coupling: Float64Array,
  n: number,
  slope: Float64Array,
  vectors: Float64Array,
  k: number,
  out: Float64Array,
  weighted: Float64Array,
): void {
  for (let c = 0; c < k; c++) {
    const column = c * n;
    for (let j = 0; j < n; j++) weighted[column + j] = slope[j] * vectors[column + j];
  }
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) out[c * n + i] = dot(coupling, i * n, weighted, c * n, n) - vectors[c * n + i];
  }
}
