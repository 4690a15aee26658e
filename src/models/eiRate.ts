import type { ParamSpec, ParamValues } from '../core/params.js';
import { numberParam } from '../core/params.js';
import { invalidParameter } from '../core/errors.js';
import type { EiRateParams } from '../kernels/eiRateField.js';
import type { TransferKind } from '../kernels/transfer.js';

const TRANSFER_KINDS: readonly TransferKind[] = ['linear', 'threshold-linear', 'sigmoid'];

/**
 * The two-population E–I rate model (Wilson & Cowan 1972; seed 001):
 * τ_E dv_E/dt = −v_E + f_E(M_EE v_E + M_EI v_I − γ_E), τ_I dv_I/dt = −v_I + f_I(M_IE v_E + M_II v_I − γ_I).
 * Couplings enter with a plus sign, so inhibitory ones are negative. Defaults are the Wilson–Cowan set of the
 * Neuromatch Academy tutorial (gains and thresholds of both sigmoids, τ_I = 2·τ_E), which has three fixed points.
 * Time constants are in seconds, so Jacobians and eigenvalues come out in 1/s.
 */
export const eiRateParams: readonly ParamSpec[] = [
  { name: 'tau-e', kind: 'number', dimension: 'time', min: 0, default: 0.001, displayUnit: 'ms', description: 'time constant τ_E of the excitatory rate' },
  { name: 'tau-i', kind: 'number', dimension: 'time', min: 0, default: 0.002, displayUnit: 'ms', description: 'time constant τ_I of the inhibitory rate' },
  { name: 'm-ee', kind: 'number', default: 9, description: 'coupling M_EE, E → E (positive: excitatory)' },
  { name: 'm-ei', kind: 'number', default: -4, description: 'coupling M_EI, I → E (negative: inhibitory)' },
  { name: 'm-ie', kind: 'number', default: 13, description: 'coupling M_IE, E → I (positive: excitatory)' },
  { name: 'm-ii', kind: 'number', default: -11, description: 'coupling M_II, I → I (negative: inhibitory)' },
  { name: 'gamma-e', kind: 'number', default: 0, description: 'constant γ_E subtracted from the E input (negative: external drive)' },
  { name: 'gamma-i', kind: 'number', default: 0, description: 'constant γ_I subtracted from the I input (negative: external drive)' },
  { name: 'transfer', kind: 'string', choices: TRANSFER_KINDS, default: 'sigmoid', description: 'transfer function f: linear, threshold-linear [x]₊, or the Wilson–Cowan sigmoid' },
  { name: 'gain-e', kind: 'number', min: 0, default: 1.2, description: 'sigmoid gain a_E (sigmoid only)' },
  { name: 'theta-e', kind: 'number', default: 2.8, description: 'sigmoid threshold θ_E (sigmoid only)' },
  { name: 'gain-i', kind: 'number', min: 0, default: 1.0, description: 'sigmoid gain a_I (sigmoid only)' },
  { name: 'theta-i', kind: 'number', default: 4.0, description: 'sigmoid threshold θ_I (sigmoid only)' },
];

/** The model's parameters, parsed and defaulted by `parseParams(eiRateParams, …)`, as the kernels take them. */
export function eiRateConfig(values: ParamValues): EiRateParams {
  const transfer = values.transfer;
  if (typeof transfer !== 'string' || !(TRANSFER_KINDS as readonly string[]).includes(transfer)) {
    throw invalidParameter('transfer', transfer, `one of ${TRANSFER_KINDS.join(', ')}`);
  }
  const kind = transfer as TransferKind;
  return {
    tauE: numberParam(values, 'tau-e'),
    tauI: numberParam(values, 'tau-i'),
    mEE: numberParam(values, 'm-ee'),
    mEI: numberParam(values, 'm-ei'),
    mIE: numberParam(values, 'm-ie'),
    mII: numberParam(values, 'm-ii'),
    gammaE: numberParam(values, 'gamma-e'),
    gammaI: numberParam(values, 'gamma-i'),
    transferE: { kind, gain: numberParam(values, 'gain-e'), threshold: numberParam(values, 'theta-e') },
    transferI: { kind, gain: numberParam(values, 'gain-i'), threshold: numberParam(values, 'theta-i') },
  };
}
