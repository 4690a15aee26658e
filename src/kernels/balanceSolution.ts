export interface BalanceParams {
  /** External drive onto E, E_E in √K·E_E·m0. */
  readonly E: number;
  /** External drive onto I, E_I in √K·E_I·m0. */
  readonly I: number;
  /** Strength of I → E coupling: J_EI = −J_E. */
  readonly JE: number;
  /** Strength of I → I coupling: J_II = −J_I. */
  readonly JI: number;
  /** External activity m0. */
  readonly m0: number;
}

export interface BalanceSolution {
  readonly mE: number;
  readonly mI: number;
  /** ∂m_E/∂m0 and ∂m_I/∂m0: the rates are exactly linear in m0. */
  readonly slopeE: number;
  readonly slopeI: number;
  /** Whether both rates lie in (0, 1), as activities of binary units must; otherwise no balanced state exists. */
  readonly feasible: boolean;
}

/**
 * Population activities of the balanced binary network in the large-K limit (van Vreeswijk & Sompolinsky 1998).
 *
 * With couplings J_kl/√K (J_EE = J_IE = 1, J_EI = −J_E, J_II = −J_I) and external input √K·E_k·m0, the mean input to
 * population k is √K·(E_k·m0 + m_E + J_kI·m_I) + O(1). Finite rates as K → ∞ require the O(√K) part to vanish:
 *
 *   E·m0 + m_E − J_E·m_I = 0,   I·m0 + m_E − J_I·m_I = 0.
 *
 * Subtracting gives m_I = (E − I)·m0/(J_E − J_I); then m_E = J_E·m_I − E·m0 = (E·J_I − I·J_E)·m0/(J_E − J_I).
 * Both are positive when E/I > J_E/J_I > 1 (the paper's condition); J_E = J_I leaves the system singular.
 */
export function balanceSolution(params: BalanceParams): BalanceSolution {
  const { E, I, JE, JI, m0 } = params;
  if (![E, I, JE, JI, m0].every(Number.isFinite)) {
    throw new RangeError(`balanceSolution: expected finite E, I, J_E, J_I and m0, got ${E}, ${I}, ${JE}, ${JI}, ${m0}`);
  }
  const denominator = JE - JI;
  if (denominator === 0) {
    throw new RangeError(`balanceSolution: expected J_E ≠ J_I, got J_E = J_I = ${JE}: the balance equations are singular`);
  }
  const slopeE = (E * JI - I * JE) / denominator;
  const slopeI = (E - I) / denominator;
  const mE = slopeE * m0;
  const mI = slopeI * m0;
  return { mE, mI, slopeE, slopeI, feasible: mE > 0 && mE < 1 && mI > 0 && mI < 1 };
}
