import type { ParamSpec, ParamValues } from '../core/params.js';
import { numberParam } from '../core/params.js';
import type { LifPopulationSpec } from '../engines/spikingNetwork.js';
import { lifConfig, lifParams, lifPopulation, type LifConfig } from './lif.js';

/**
 * The course's LIF with an exponential synaptic current,
 *   C_m dV/dt = g_L (E_L − V) + I_syn + I_stim,   dI_syn/dt = −I_syn/τ_syn,
 * where each presynaptic spike makes I_syn jump by its weight (amperes). A linear system, so exact integration
 * (the default) is available besides Euler and RK4.
 */
export const lifExpSynParams: readonly ParamSpec[] = [
  ...lifParams,
  { name: 'tau-syn', kind: 'number', dimension: 'time', min: 0, default: 5e-3, displayUnit: 'ms', description: 'synaptic current time constant τ_syn' },
];

export interface LifExpSynConfig extends LifConfig {
  readonly tauSyn: number;
}

export function lifExpSynConfig(values: ParamValues): LifExpSynConfig {
  return { ...lifConfig(values), tauSyn: numberParam(values, 'tau-syn') };
}

export function lifExpSynPopulation(config: LifExpSynConfig, name: string, size: number, extra: Partial<LifPopulationSpec> = {}): LifPopulationSpec {
  return lifPopulation(config, name, size, { tauSyn: config.tauSyn, ...extra });
}
