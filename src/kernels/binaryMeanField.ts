import { balanceSolution, type BalanceParams } from './balanceSolution.js';
import { normalTail } from './normalTail.js';

export interface BinaryMeanFieldParams extends BalanceParams {
  /** Mean inputs per population K. */
  readonly K: number;
  readonly thetaE: number;
  readonly thetaI: number;
}

export interface BinaryMeanField {
  readonly mE: number;
  readonly mI: number;
  /** Whether the relaxation settled: |H(…) − m| below 1e-10 for both populations. */
  readonly converged: boolean;
}

/**
 * The finite-K mean-field activities of the balanced binary network (van Vreeswijk & Sompolinsky 1998, Gaussian
 * approximation of the input for N → ∞): m_k = H(−u_k/√α_k) with the mean input
 * u_k = √K·(E_k·m0 + m_E − J_k·m_I) − θ_k and the input variance α_k = m_E + J_k²·m_I (J_E for k = E, J_I for k = I;
 * H the standard normal tail). Its O(1/√K) departures from the balance solution are the finite-K offsets a
 * simulation should show. Found by relaxing the mean-field dynamics dm_k/dt = −m_k + H(−u_k/√α_k) (with the
 * inhibitory time constant `tauRatio`·τ_E) from the balance solution, so the stable state is the one returned,
 * quiescence (m = 0) included when the balanced state cannot hold.
 */
export function binaryMeanField(params: BinaryMeanFieldParams, tauRatio = 0.9): BinaryMeanField {
  const { E, I, JE, JI, m0, K, thetaE, thetaI } = params;
  if (!(K > 0 && Number.isFinite(K) && Number.isFinite(thetaE) && Number.isFinite(thetaI) && tauRatio > 0)) {
    throw new RangeError(`binaryMeanField: expected K > 0, finite thresholds and τ_I/τ_E > 0, got K ${K}, θ ${thetaE}, ${thetaI}, ratio ${tauRatio}`);
  }
  const balance = balanceSolution({ E, I, JE, JI, m0 });
  const clamp = (m: number) => Math.min(0.99, Math.max(0.01, m));
  let mE = clamp(balance.mE);
  let mI = clamp(balance.mI);
  const root = Math.sqrt(K);
  // The drive's slope in m is O(√K): explicit steps must shrink like 1/√K to stay stable.
  const step = Math.min(0.05, 0.2 / root) * Math.min(1, tauRatio);
  const target = (u: number, variance: number) => (variance > 0 ? normalTail(-u / Math.sqrt(variance)) : u > 0 ? 1 : 0);
  let residual = Infinity;
  for (let iteration = 0; iteration < 2_000_000 && residual > 1e-10; iteration++) {
    const driveE = target(root * (E * m0 + mE - JE * mI) - thetaE, mE + JE * JE * mI) - mE;
    const driveI = target(root * (I * m0 + mE - JI * mI) - thetaI, mE + JI * JI * mI) - mI;
    residual = Math.max(Math.abs(driveE), Math.abs(driveI));
    mE += step * driveE;
    mI += (step / tauRatio) * driveI;
  }
  return { mE, mI, converged: residual <= 1e-10 };
}
