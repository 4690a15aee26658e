/** A 2×2 matrix as rows, `[[a, b], [c, d]]`, the shape it takes in summary.json. */
export type Matrix2x2 = readonly [readonly [number, number], readonly [number, number]];

/** A complex number as `[re, im]`. */
export type Complex = readonly [number, number];

/**
 * Discriminants within this many ulps of the squared matrix scale count as zero (a repeated real root):
 * rounding alone makes an exactly repeated root look like a pair split by about √ε·scale.
 */
const REPEATED_ROOT_ULPS = 64;

/** Largest absolute entry, the scale all tolerances on a 2×2 matrix are relative to. */
export function matrixScale(m: Matrix2x2): number {
  return Math.max(Math.abs(m[0][0]), Math.abs(m[0][1]), Math.abs(m[1][0]), Math.abs(m[1][1]));
}

/**
 * Half the discriminant's square root argument, ((a − d)/2)² + bc = (tr/2)² − det, written in a form that does not
 * cancel when tr² ≈ 4·det; zero when it is within rounding of zero.
 */
export function halfDiscriminant(m: Matrix2x2): number {
  const half = (m[0][0] - m[1][1]) / 2;
  const value = half * half + m[0][1] * m[1][0];
  const scale = matrixScale(m);
  return Math.abs(value) <= REPEATED_ROOT_ULPS * Number.EPSILON * scale * scale ? 0 : value;
}

/**
 * Both eigenvalues of a real 2×2 matrix as `[[re, im], [re, im]]`.
 * Real pairs come larger first; a complex pair comes as μ + iω then μ − iω with ω > 0.
 * The smaller-magnitude real root is det/λ₁ rather than μ − √D, which would cancel.
 */
export function eigen2x2(m: Matrix2x2): readonly [Complex, Complex] {
  const a = m[0][0];
  const b = m[0][1];
  const c = m[1][0];
  const d = m[1][1];
  if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) {
    throw new RangeError(`eigen2x2: expected finite entries, got [[${a}, ${b}], [${c}, ${d}]]`);
  }
  const mean = (a + d) / 2;
  const disc = halfDiscriminant(m);
  if (disc < 0) {
    const omega = Math.sqrt(-disc);
    return [
      [mean, omega],
      [mean, -omega],
    ];
  }
  const root = Math.sqrt(disc);
  if (root === 0) {
    return [
      [mean, 0],
      [mean, 0],
    ];
  }
  const far = mean >= 0 ? mean + root : mean - root;
  const near = (a * d - b * c) / far;
  return far >= near
    ? [
        [far, 0],
        [near, 0],
      ]
    : [
        [near, 0],
        [far, 0],
      ];
}
