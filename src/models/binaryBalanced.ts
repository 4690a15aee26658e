import { invalidParameter } from '../core/errors.js';
import type { ParamSpec, ParamValues } from '../core/params.js';
import { numberParam } from '../core/params.js';
import { balanceSolution, type BalanceSolution } from '../kernels/balanceSolution.js';
import { binaryMeanField, type BinaryMeanField } from '../kernels/binaryMeanField.js';
import { bernoulliProjection } from '../network/bernoulliProjection.js';
import type { Csr } from '../network/csr.js';
import type { UniformSource } from '../network/fixedInDegreeProjection.js';

/**
 * The balanced network of binary units of van Vreeswijk & Sompolinsky (1996, 1998): N_E excitatory and N_I
 * inhibitory units σ ∈ {0, 1}. Unit i of population k ∈ {E, I} receives each unit j of population l with probability
 * K/N_l (so K inputs per population on average) with coupling J_kl/√K, where J_EE = J_IE = 1, J_EI = −J_E,
 * J_II = −J_I, plus the external input √K·E_k·m0 (E_E = E, E_I = I). Its state is σ_i = Θ(u_i) with
 * u_i = Σ_j J_ij σ_j + √K·E_k·m0 − θ_k (Θ(u) = 1 for u > 0), re-evaluated at the times of a Poisson process of rate
 * 1/τ_k.
 */
export const binaryBalancedParams: readonly ParamSpec[] = [
  { name: 'NE', kind: 'integer', min: 1, minInclusive: true, default: 300, description: 'excitatory units N_E' },
  { name: 'NI', kind: 'integer', min: 1, minInclusive: true, default: 100, description: 'inhibitory units N_I' },
  { name: 'K', kind: 'number', min: 0, default: 50, description: 'mean inputs per unit from each population (connection probability K/N_l ≤ 1)' },
  { name: 'm0', kind: 'number', min: 0, max: 1, maxInclusive: true, default: 0.3, description: 'external activity m0 (external input √K·E_k·m0; at K = 50 below about 0.15 the network falls silent)' },
  { name: 'E', kind: 'number', min: 0, default: 1, description: 'external coupling E_E onto the excitatory population' },
  { name: 'I', kind: 'number', min: 0, default: 0.8, description: 'external coupling E_I onto the inhibitory population' },
  { name: 'J-E', kind: 'number', min: 0, default: 2, description: 'inhibition onto E: J_EI = −J_E' },
  { name: 'J-I', kind: 'number', min: 0, default: 1.8, description: 'inhibition onto I: J_II = −J_I' },
  { name: 'theta-e', kind: 'number', default: 1, description: 'threshold θ_E of the excitatory units' },
  { name: 'theta-i', kind: 'number', default: 0.7, description: 'threshold θ_I of the inhibitory units' },
  { name: 'tau-e', kind: 'number', dimension: 'time', min: 0, default: 0.01, displayUnit: 'ms', description: 'mean interval τ_E between updates of an excitatory unit' },
  { name: 'tau-i', kind: 'number', dimension: 'time', min: 0, displayUnit: 'ms', description: 'mean interval τ_I between updates of an inhibitory unit (default 0.9·τ_E)' },
];

export interface BinaryBalancedConfig {
  readonly excitatory: number;
  readonly inhibitory: number;
  readonly K: number;
  readonly m0: number;
  /** External couplings E_E = E and E_I = I. */
  readonly externalE: number;
  readonly externalI: number;
  /** J_E and J_I (positive; the couplings are −J_E and −J_I). */
  readonly JE: number;
  readonly JI: number;
  readonly thetaE: number;
  readonly thetaI: number;
  readonly tauE: number;
  readonly tauI: number;
}

export function binaryBalancedConfig(values: ParamValues): BinaryBalancedConfig {
  const excitatory = numberParam(values, 'NE');
  const inhibitory = numberParam(values, 'NI');
  const K = numberParam(values, 'K');
  if (K > excitatory) throw invalidParameter('K', K, `at most NE = ${excitatory} (connection probability K/N_E ≤ 1)`);
  if (K > inhibitory) throw invalidParameter('K', K, `at most NI = ${inhibitory} (connection probability K/N_I ≤ 1)`);
  const tauE = numberParam(values, 'tau-e');
  const tauI = typeof values['tau-i'] === 'number' ? values['tau-i'] : 0.9 * tauE;
  return {
    excitatory,
    inhibitory,
    K,
    m0: numberParam(values, 'm0'),
    externalE: numberParam(values, 'E'),
    externalI: numberParam(values, 'I'),
    JE: numberParam(values, 'J-E'),
    JI: numberParam(values, 'J-I'),
    thetaE: numberParam(values, 'theta-e'),
    thetaI: numberParam(values, 'theta-i'),
    tauE,
    tauI,
  };
}

/** The large-K balance solution of a configuration (`balanceSolution` of its E, I, J_E, J_I and m0). */
export function binaryBalance(config: BinaryBalancedConfig): BalanceSolution {
  return balanceSolution({ E: config.externalE, I: config.externalI, JE: config.JE, JI: config.JI, m0: config.m0 });
}

/** The finite-K mean-field activities of a configuration (`binaryMeanField`), the simulation's expected values. */
export function binaryMeanFieldOf(config: BinaryBalancedConfig): BinaryMeanField {
  return binaryMeanField(
    { E: config.externalE, I: config.externalI, JE: config.JE, JI: config.JI, m0: config.m0, K: config.K, thetaE: config.thetaE, thetaI: config.thetaI },
    config.tauI / config.tauE,
  );
}

/** The four projections, presynaptic-major, each pair connected with probability K/N_pre; no unit connects to itself. */
export interface BinaryConnectivity {
  readonly eToE: Csr;
  readonly eToI: Csr;
  readonly iToE: Csr;
  readonly iToI: Csr;
}

/** Draws the connectivity from one stream (the run's `connectivity` stream), in the order E→E, E→I, I→E, I→I. */
export function binaryConnectivity(config: BinaryBalancedConfig, random: UniformSource): BinaryConnectivity {
  const { excitatory: nE, inhibitory: nI, K } = config;
  const pE = K / nE;
  const pI = K / nI;
  return {
    eToE: bernoulliProjection(nE, nE, pE, random, { excludeSelf: true }),
    eToI: bernoulliProjection(nE, nI, pE, random),
    iToE: bernoulliProjection(nI, nE, pI, random),
    iToI: bernoulliProjection(nI, nI, pI, random, { excludeSelf: true }),
  };
}
