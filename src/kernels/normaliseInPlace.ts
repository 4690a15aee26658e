/**
 * Scales `x` to unit Euclidean norm in place and returns the norm it had.
 * Throws RangeError for a zero or non-finite norm, which has no direction.
 */
export function normaliseInPlace(x: Float64Array): number {
  let squares = 0;
  for (let i = 0; i < x.length; i++) squares += x[i] * x[i];
  const norm = Math.sqrt(squares);
  if (!(norm > 0 && Number.isFinite(norm))) throw new RangeError(`normaliseInPlace: expected a vector of finite non-zero norm, got norm ${norm}`);
  const inverse = 1 / norm;
  for (let i = 0; i < x.length; i++) x[i] *= inverse;
  return norm;
}
