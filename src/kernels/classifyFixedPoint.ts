import type { Matrix2x2 } from './eigen2x2.js';
import { halfDiscriminant, matrixScale } from './eigen2x2.js';

export type FixedPointClass =
  | 'stable node'
  | 'stable focus'
  | 'saddle'
  | 'unstable node'
  | 'unstable focus'
  | 'centre'
  | 'degenerate (singular Jacobian)';

/**
 * Relative tolerance of the trace–determinant test: |det| ≤ tol·s² counts as a singular Jacobian and |tr| ≤ tol·s
 * as a zero trace (centre), with s the largest absolute Jacobian entry. Fixed points are located to about 1e-13,
 * so Jacobian entries carry errors far below 1e-9; parameter sets that are exactly critical land inside it.
 */
export const CLASSIFY_TOLERANCE = 1e-9;

/**
 * Classifies a fixed point of a planar system by the trace and determinant of its Jacobian (Strogatz §5.2):
 * det < 0 saddle; det > 0 with tr = 0 centre; otherwise focus when tr² < 4·det, else node, stable when tr < 0.
 * A repeated real root is a node. A (numerically) zero determinant is reported as degenerate: linearisation alone
 * cannot tell a line of fixed points from a saddle-node, so no stability claim is made.
 */
export function classifyFixedPoint(jacobian: Matrix2x2): FixedPointClass {
  const scale = matrixScale(jacobian);
  const trace = jacobian[0][0] + jacobian[1][1];
  const det = jacobian[0][0] * jacobian[1][1] - jacobian[0][1] * jacobian[1][0];
  if (!Number.isFinite(trace) || !Number.isFinite(det)) {
    throw new RangeError(`classifyFixedPoint: expected a finite Jacobian, got trace ${trace} and determinant ${det}`);
  }
  if (Math.abs(det) <= CLASSIFY_TOLERANCE * scale * scale) return 'degenerate (singular Jacobian)';
  if (det < 0) return 'saddle';
  if (Math.abs(trace) <= CLASSIFY_TOLERANCE * scale) return 'centre';
  const oscillates = halfDiscriminant(jacobian) < 0;
  if (trace < 0) return oscillates ? 'stable focus' : 'stable node';
  return oscillates ? 'unstable focus' : 'unstable node';
}
