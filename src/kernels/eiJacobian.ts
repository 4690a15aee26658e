import type { EiRateParams } from './eiRateField.js';
import { eiInputE, eiInputI } from './eiRateField.js';
import type { Matrix2x2 } from './eigen2x2.js';
import { transferSlope } from './transfer.js';

/**
 * The analytic Jacobian of the E–I vector field at (v_E, v_I):
 *
 *   [ (−1 + M_EE f_E′(x_E))/τ_E    M_EI f_E′(x_E)/τ_E        ]
 *   [ M_IE f_I′(x_I)/τ_I           (−1 + M_II f_I′(x_I))/τ_I ]
 *
 * with x_E, x_I the transfer inputs. Each row is divided by its own population's time constant:
 * the I row, including the IE entry, by τ_I.
 */
export function eiJacobian(p: EiRateParams, vE: number, vI: number): Matrix2x2 {
  const slopeE = transferSlope(p.transferE, eiInputE(p, vE, vI));
  const slopeI = transferSlope(p.transferI, eiInputI(p, vE, vI));
  return [
    [(-1 + p.mEE * slopeE) / p.tauE, (p.mEI * slopeE) / p.tauE],
    [(p.mIE * slopeI) / p.tauI, (-1 + p.mII * slopeI) / p.tauI],
  ];
}
