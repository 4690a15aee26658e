import { invalidParameter } from '../core/errors.js';
import type { ParamSpec, ParamValues } from '../core/params.js';
import { numberParam } from '../core/params.js';
import type { Csr } from '../network/csr.js';
import { erdosRenyi } from '../network/erdosRenyi.js';
import { fixedInDegree } from '../network/fixedInDegree.js';
import type { RandomStreams } from '../random/stream.js';

/**
 * The balanced inhibitory LIF network (van Vreeswijk & Sompolinsky scaling; Monteforte & Wolf 2010):
 * τ_m dV/dt = −V + I with I = √K·ν̄·J₀·τ_m (+ V_T with the rheobase), V ≥ V_T → V_R,
 * and every spike adds −J₀/√K to each postsynaptic V.
 */
export const balancedLifParams: readonly ParamSpec[] = [
  { name: 'N', kind: 'integer', min: 1, minInclusive: true, default: 10000, description: 'number of neurons' },
  { name: 'K', kind: 'integer', min: 0, default: 1000, description: 'mean in-degree (connection probability K/(N−1))' },
  { name: 'rate', kind: 'number', dimension: 'frequency', min: 0, default: 10, displayUnit: 'Hz', description: 'target mean rate ν̄ setting the drive I₀ = ν̄·J₀·τ_m' },
  { name: 'J0', kind: 'number', min: 0, default: 1, description: 'coupling strength; each spike subtracts J0/√K' },
  { name: 'tau-m', kind: 'number', dimension: 'time', min: 0, default: 0.01, displayUnit: 'ms', description: 'membrane time constant' },
  { name: 'v-threshold', kind: 'number', default: 1, description: 'threshold V_T' },
  { name: 'v-reset', kind: 'number', default: 0, description: 'reset V_R (below the threshold)' },
  { name: 'rheobase', kind: 'integer', min: 0, minInclusive: true, max: 1, maxInclusive: true, default: 0, description: '1 adds a rheobase current V_T to the drive (Monteforte & Wolf); 0 drives with √K·I₀ alone' },
  { name: 'connectivity', kind: 'string', choices: ['erdos-renyi', 'fixed-indegree'], default: 'erdos-renyi', description: 'random graph: Erdős–Rényi with p = K/(N−1), or exactly K inputs per neuron' },
];

export interface BalancedLifConfig {
  readonly size: number;
  readonly inDegree: number;
  readonly rate: number;
  readonly coupling: number;
  readonly tauM: number;
  readonly threshold: number;
  readonly reset: number;
  readonly rheobase: number;
  readonly connectivity: string;
}

export function balancedLifConfig(values: ParamValues): BalancedLifConfig {
  const config: BalancedLifConfig = {
    size: numberParam(values, 'N'),
    inDegree: numberParam(values, 'K'),
    rate: numberParam(values, 'rate'),
    coupling: numberParam(values, 'J0'),
    tauM: numberParam(values, 'tau-m'),
    threshold: numberParam(values, 'v-threshold'),
    reset: numberParam(values, 'v-reset'),
    rheobase: numberParam(values, 'rheobase'),
    connectivity: String(values.connectivity ?? 'erdos-renyi'),
  };
  if (config.inDegree >= config.size) throw invalidParameter('K', config.inDegree, `less than N = ${config.size}`);
  if (!(config.reset < config.threshold)) throw invalidParameter('v-reset', config.reset, `below v-threshold = ${config.threshold}`);
  return config;
}

/** The constant drive I of the free membrane equation. */
export function balancedLifDrive(config: BalancedLifConfig): number {
  return Math.sqrt(config.inDegree) * config.rate * config.coupling * config.tauM + config.rheobase * config.threshold;
}

/** The change of a postsynaptic V per presynaptic spike (negative: inhibition). */
export function balancedLifWeight(config: BalancedLifConfig): number {
  return -config.coupling / Math.sqrt(config.inDegree);
}

export function balancedLifNetwork(config: BalancedLifConfig, streams: RandomStreams): Csr {
  const random = streams.stream('connectivity');
  if (config.connectivity === 'fixed-indegree') return fixedInDegree(config.size, config.inDegree, random);
  return erdosRenyi(config.size, config.inDegree / (config.size - 1), random);
}

/** Initial potentials uniform in [V_R, V_T), from the `init` stream. */
export function balancedLifInitialState(config: BalancedLifConfig, streams: RandomStreams): Float64Array {
  return streams.stream('init').fillUniform(new Float64Array(config.size), config.reset, config.threshold);
}
