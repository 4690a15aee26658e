import { invalidParameter } from '../core/errors.js';
import type { ParamSpec, ParamValues } from '../core/params.js';
import { numberParam } from '../core/params.js';
import type { LifPopulationSpec } from '../engines/spikingNetwork.js';
import type { IntegrationMethod } from '../kernels/lifPropagator.js';

/**
 * The leaky integrate-and-fire neuron of the course (seed 004),
 *   C_m dV/dt = g_L (E_L − V) + I_stim,   V > V_th → V ← V_reset,
 * with delta synapses, an optional absolute refractory period, and exact integration by default
 * (τ_m = C_m/g_L = 20 ms; I_stim = 0.44 nA puts V∞ = −48 mV just above the −50 mV threshold).
 */
export const lifParams: readonly ParamSpec[] = [
  { name: 'c-m', kind: 'number', dimension: 'capacitance', min: 0, default: 0.4e-9, displayUnit: 'nF', description: 'membrane capacitance C_m' },
  { name: 'g-l', kind: 'number', dimension: 'conductance', min: 0, default: 20e-9, displayUnit: 'nS', description: 'leak conductance g_L (τ_m = C_m/g_L)' },
  { name: 'e-l', kind: 'number', dimension: 'voltage', default: -0.07, displayUnit: 'mV', description: 'resting potential E_L' },
  { name: 'i-stim', kind: 'number', dimension: 'current', default: 0.44e-9, displayUnit: 'nA', description: 'constant stimulus current I_stim' },
  { name: 'v-threshold', kind: 'number', dimension: 'voltage', default: -0.05, displayUnit: 'mV', description: 'spike threshold (V > threshold)' },
  { name: 'v-reset', kind: 'number', dimension: 'voltage', default: -0.09, displayUnit: 'mV', description: 'reset potential after a spike' },
  { name: 't-ref', kind: 'number', dimension: 'time', min: 0, minInclusive: true, default: 0, displayUnit: 'ms', description: 'absolute refractory period (a multiple of dt)' },
  { name: 'method', kind: 'string', choices: ['exact', 'euler', 'rk4'], default: 'exact', description: 'integration method' },
];

export interface LifConfig {
  readonly capacitance: number;
  readonly leak: number;
  readonly rest: number;
  readonly current: number;
  readonly threshold: number;
  readonly reset: number;
  readonly refractory: number;
  readonly method: IntegrationMethod;
}

export function lifConfig(values: ParamValues): LifConfig {
  const config: LifConfig = {
    capacitance: numberParam(values, 'c-m'),
    leak: numberParam(values, 'g-l'),
    rest: numberParam(values, 'e-l'),
    current: numberParam(values, 'i-stim'),
    threshold: numberParam(values, 'v-threshold'),
    reset: numberParam(values, 'v-reset'),
    refractory: numberParam(values, 't-ref'),
    method: String(values.method ?? 'exact') as IntegrationMethod,
  };
  if (!(config.reset < config.threshold)) throw invalidParameter('v-reset', config.reset, `below v-threshold = ${config.threshold} V`);
  return config;
}

/** τ_m = C_m/g_L. */
export function lifTauM(config: LifConfig): number {
  return config.capacitance / config.leak;
}

/** The steady-state potential V∞ = E_L + I/g_L of a neuron under a constant current. */
export function lifSteadyState(config: LifConfig, current = config.current): number {
  return config.rest + current / config.leak;
}

/** A population of `size` such neurons for the spiking-network engine. */
export function lifPopulation(config: LifConfig, name: string, size: number, extra: Partial<LifPopulationSpec> = {}): LifPopulationSpec {
  return {
    kind: 'lif',
    name,
    size,
    tauM: lifTauM(config),
    capacitance: config.capacitance,
    rest: config.rest,
    threshold: config.threshold,
    reset: config.reset,
    refractory: config.refractory,
    current: config.current,
    method: config.method,
    v0: config.rest,
    ...extra,
  };
}
