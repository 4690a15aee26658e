/**
 * Thin QR of an n × k matrix (k ≤ n), overwriting it with Q and writing log|R_jj| into `logDiagR[j]`.
 *
 * Layout: column-major, column j occupies `matrix[j * n .. j * n + n)`, so each tangent vector is contiguous.
 * Modified Gram–Schmidt with one re-orthogonalisation pass ("twice is enough": Giraud, Langou & Rozložník 2005),
 * which keeps Q orthonormal to rounding even when the columns are nearly parallel, as Lyapunov tangent
 * vectors become between renormalisations. Allocates nothing.
 *
 * A column that is linearly dependent on the previous ones (R_jj = 0) gets log R_jj = −Infinity and is left zero.
 */
export function qrInPlace(matrix: Float64Array, n: number, k: number, logDiagR: Float64Array): void {
  if (k > n || matrix.length < n * k || logDiagR.length < k) {
    throw new RangeError(`qrInPlace: expected k ≤ n, matrix length ≥ n·k and logDiagR length ≥ k, got n ${n}, k ${k}, lengths ${matrix.length} and ${logDiagR.length}`);
  }
  for (let j = 0; j < k; j++) {
    const column = j * n;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < j; i++) {
        const basis = i * n;
        let projection = 0;
        for (let r = 0; r < n; r++) projection += matrix[basis + r] * matrix[column + r];
        for (let r = 0; r < n; r++) matrix[column + r] -= projection * matrix[basis + r];
      }
    }
    let squared = 0;
    for (let r = 0; r < n; r++) squared += matrix[column + r] * matrix[column + r];
    const norm = Math.sqrt(squared);
    logDiagR[j] = Math.log(norm);
    if (norm > 0) {
      const inverse = 1 / norm;
      for (let r = 0; r < n; r++) matrix[column + r] *= inverse;
    }
  }
}
