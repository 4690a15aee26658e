import type { TransferFunction } from './transfer.js';
import { transferValue } from './transfer.js';

/**
 * The two-population rate model (Wilson & Cowan 1972 in the notation of seed 001):
 *
 *   τ_E dv_E/dt = −v_E + f_E(M_EE v_E + M_EI v_I − γ_E)
 *   τ_I dv_I/dt = −v_I + f_I(M_IE v_E + M_II v_I − γ_I)
 *
 * Couplings enter with a plus sign, so inhibitory couplings (M_EI, M_II) are negative numbers.
 * Time constants share one unit; the vector field and the Jacobian are in the inverse of that unit.
 */
export interface EiRateParams {
  readonly tauE: number;
  readonly tauI: number;
  readonly mEE: number;
  readonly mEI: number;
  readonly mIE: number;
  readonly mII: number;
  readonly gammaE: number;
  readonly gammaI: number;
  readonly transferE: TransferFunction;
  readonly transferI: TransferFunction;
}

/** Input to the E population's transfer function, M_EE v_E + M_EI v_I − γ_E. */
export function eiInputE(p: EiRateParams, vE: number, vI: number): number {
  return p.mEE * vE + p.mEI * vI - p.gammaE;
}

/** Input to the I population's transfer function, M_IE v_E + M_II v_I − γ_I. */
export function eiInputI(p: EiRateParams, vE: number, vI: number): number {
  return p.mIE * vE + p.mII * vI - p.gammaI;
}

/** Writes (dv_E/dt, dv_I/dt) at (v_E, v_I) into `out[0]`, `out[1]`. */
export function eiRateField(p: EiRateParams, vE: number, vI: number, out: Float64Array): void {
  out[0] = (-vE + transferValue(p.transferE, eiInputE(p, vE, vI))) / p.tauE;
  out[1] = (-vI + transferValue(p.transferI, eiInputI(p, vE, vI))) / p.tauI;
}
