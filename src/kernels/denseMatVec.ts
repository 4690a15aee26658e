import { dot } from './dot.js';

/**
 * out = A·x for a dense row-major `rows × cols` matrix A (`A[i * cols + j]`).
 * `out` must not alias `x`.
 */
export function denseMatVec(matrix: Float64Array, rows: number, cols: number, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < rows; i++) out[i] = dot(matrix, i * cols, x, 0, cols);
}
