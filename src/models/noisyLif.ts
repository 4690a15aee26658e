import type { ParamSpec, ParamValues } from '../core/params.js';
import { numberParam } from '../core/params.js';
import type { LifPopulationSpec } from '../engines/spikingNetwork.js';
import { lifConfig, lifParams, lifPopulation, type LifConfig } from './lif.js';

/**
 * The course's LIF with intrinsic white noise,
 *   dV/dt = (g_L (E_L − V) + I_stim)/C_m + σ·√(2/τ_m)·ξ(t),
 * where the √(2/τ_m) scaling makes σ the standard deviation of the free membrane potential (the stationary
 * Ornstein–Uhlenbeck spread). A stochastic model: Euler–Maruyama by default (the course's choice), or the exact
 * Ornstein–Uhlenbeck transition.
 */
export const noisyLifParams: readonly ParamSpec[] = [
  ...lifParams.filter((spec) => spec.name !== 'method'),
  { name: 'sigma', kind: 'number', dimension: 'voltage', min: 0, minInclusive: true, default: 0.3e-3, displayUnit: 'mV', description: 'noise amplitude σ (stationary s.d. of the free V)' },
  { name: 'method', kind: 'string', choices: ['euler-maruyama', 'exact'], default: 'euler-maruyama', description: 'integration method of the stochastic equation' },
];

export interface NoisyLifConfig extends LifConfig {
  readonly sigma: number;
}

export function noisyLifConfig(values: ParamValues): NoisyLifConfig {
  return { ...lifConfig({ ...values, method: values.method ?? 'euler-maruyama' }), sigma: numberParam(values, 'sigma') };
}

export function noisyLifPopulation(config: NoisyLifConfig, name: string, size: number, extra: Partial<LifPopulationSpec> = {}): LifPopulationSpec {
  return lifPopulation(config, name, size, { noise: config.sigma, ...extra });
}
