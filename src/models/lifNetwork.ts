import type { ParamSpec, ParamValues } from '../core/params.js';
import { numberParam } from '../core/params.js';
import type { SpikingNetworkSpec } from '../engines/spikingNetwork.js';
import { RandomStreams } from '../random/stream.js';
import { lifExpSynConfig, lifExpSynParams, lifExpSynPopulation, type LifExpSynConfig } from './lifExpSyn.js';

/**
 * The course's network of LIF neurons with exponential synaptic currents: N_E excitatory and N_I inhibitory
 * neurons, every ordered pair connected with probability p (no autapses), an excitatory spike adding w_E to the
 * target's I_syn and an inhibitory one w_I, all driven by the same suprathreshold I_stim. Initial potentials are
 * uniform in [E_L, E_L + spread) so that the common drive does not synchronise the neurons artificially.
 */
export const lifNetworkParams: readonly ParamSpec[] = [
  ...lifExpSynParams,
  { name: 'N-E', kind: 'integer', min: 1, minInclusive: true, default: 800, description: 'excitatory neurons' },
  { name: 'N-I', kind: 'integer', min: 0, minInclusive: true, default: 200, description: 'inhibitory neurons' },
  { name: 'p', kind: 'number', min: 0, minInclusive: true, max: 1, maxInclusive: true, default: 0.02, description: 'connection probability of every ordered pair' },
  { name: 'w-e', kind: 'number', dimension: 'current', default: 100e-12, displayUnit: 'pA', description: 'jump of I_syn per excitatory spike' },
  { name: 'w-i', kind: 'number', dimension: 'current', default: -200e-12, displayUnit: 'pA', description: 'jump of I_syn per inhibitory spike (negative)' },
  { name: 'v-spread', kind: 'number', dimension: 'voltage', min: 0, minInclusive: true, default: 20e-3, displayUnit: 'mV', description: 'initial V uniform in [E_L, E_L + spread)' },
];

export interface LifNetworkConfig {
  readonly neuron: LifExpSynConfig;
  readonly excitatory: number;
  readonly inhibitory: number;
  readonly probability: number;
  readonly weightE: number;
  readonly weightI: number;
  readonly spread: number;
}

export function lifNetworkConfig(values: ParamValues): LifNetworkConfig {
  return {
    neuron: lifExpSynConfig(values),
    excitatory: numberParam(values, 'N-E'),
    inhibitory: numberParam(values, 'N-I'),
    probability: numberParam(values, 'p'),
    weightE: numberParam(values, 'w-e'),
    weightI: numberParam(values, 'w-i'),
    spread: numberParam(values, 'v-spread'),
  };
}

/** Populations E (indices 0…N_E−1) and I; connectivity from `connectivity/<pre>-><post>`, V₀ from `init`. */
export function lifNetworkSpec(config: LifNetworkConfig, setup: { dt: number; seed: number }): SpikingNetworkSpec {
  const init = new RandomStreams(setup.seed).stream('init');
  const v0 = init.fillUniform(new Float64Array(config.excitatory + config.inhibitory), config.neuron.rest, config.neuron.rest + config.spread);
  const pairs = [
    ['E', 'E', config.weightE],
    ['E', 'I', config.weightE],
    ['I', 'E', config.weightI],
    ['I', 'I', config.weightI],
  ] as const;
  return {
    dt: setup.dt,
    seed: setup.seed,
    populations: [
      lifExpSynPopulation(config.neuron, 'E', config.excitatory, { v0: v0.subarray(0, config.excitatory) }),
      lifExpSynPopulation(config.neuron, 'I', config.inhibitory, { v0: v0.subarray(config.excitatory) }),
    ],
    projections: pairs.map(([pre, post, weight]) => ({ pre, post, connectivity: { kind: 'probability', p: config.probability }, weight })),
  };
}
