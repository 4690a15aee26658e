import { invalidParameter } from '../core/errors.js';
import type { ParamSpec, ParamValues } from '../core/params.js';
import { numberParam } from '../core/params.js';
import type { ProjectionSpec, SpikingNetworkSpec } from '../engines/spikingNetwork.js';
import type { IntegrationMethod } from '../kernels/lifPropagator.js';
import { bernoulliProjection } from '../network/bernoulliProjection.js';
import type { Csr } from '../network/csr.js';
import { fixedInDegreeProjection } from '../network/fixedInDegreeProjection.js';
import { RandomStreams } from '../random/stream.js';
import { Xoshiro128 } from '../random/xoshiro128.js';

/**
 * Brunel (2000), model A: N_E excitatory and N_I inhibitory LIF neurons, τ dV/dt = −V + R·I, with delta synapses
 * (an excitatory spike adds J to V, an inhibitory one −gJ) after a delay D; V > θ → spike, V ← V_r, refractory
 * τ_rp. Each neuron receives C_E = ε·N_E excitatory and C_I = ε·N_I inhibitory synapses and C_ext = C_E external
 * excitatory Poisson synapses of weight J at ν_ext = η·ν_thr, where ν_thr = θ/(J·C_E·τ) is the external rate
 * that brings the mean free potential to threshold.
 */
export const brunelParams: readonly ParamSpec[] = [
  { name: 'g', kind: 'number', min: 0, minInclusive: true, default: 5, description: 'relative inhibitory strength: inhibitory weight −g·J' },
  { name: 'eta', kind: 'number', min: 0, minInclusive: true, default: 2, description: 'external rate in units of the threshold rate, ν_ext/ν_thr' },
  { name: 'N-E', kind: 'integer', min: 1, minInclusive: true, default: 10000, description: 'excitatory neurons' },
  { name: 'N-I', kind: 'integer', min: 1, minInclusive: true, default: 2500, description: 'inhibitory neurons' },
  { name: 'epsilon', kind: 'number', min: 0, max: 1, maxInclusive: true, default: 0.1, description: 'connection fraction: C_E = ε·N_E, C_I = ε·N_I (rounded)' },
  { name: 'J', kind: 'number', dimension: 'voltage', min: 0, default: 0.1e-3, displayUnit: 'mV', description: 'excitatory synaptic efficacy (jump of V)' },
  { name: 'D', kind: 'number', dimension: 'time', min: 0, minInclusive: true, default: 1.5e-3, displayUnit: 'ms', description: 'transmission delay (a multiple of dt)' },
  { name: 'tau', kind: 'number', dimension: 'time', min: 0, default: 20e-3, displayUnit: 'ms', description: 'membrane time constant' },
  { name: 'theta', kind: 'number', dimension: 'voltage', min: 0, default: 20e-3, displayUnit: 'mV', description: 'firing threshold θ (rest at 0)' },
  { name: 'v-reset', kind: 'number', dimension: 'voltage', default: 10e-3, displayUnit: 'mV', description: 'reset potential V_r' },
  { name: 't-ref', kind: 'number', dimension: 'time', min: 0, minInclusive: true, default: 2e-3, displayUnit: 'ms', description: 'absolute refractory period τ_rp (a multiple of dt)' },
  { name: 'connectivity', kind: 'string', choices: ['fixed-indegree', 'probability'], default: 'fixed-indegree', description: 'exactly C_E and C_I inputs per neuron, or each pair with probability ε (Brian2 example)' },
  { name: 'external-count', kind: 'string', choices: ['poisson', 'binomial'], default: 'poisson', description: 'per-step count of the C_ext external inputs: Poisson (continuous-time exact) or binomial (Brian2 PoissonInput)' },
  { name: 'v-init', kind: 'string', choices: ['uniform', 'rest'], default: 'uniform', description: 'initial V: uniform in [0, θ) from the init stream, or all at rest (0)' },
  { name: 'method', kind: 'string', choices: ['exact', 'euler', 'rk4'], default: 'exact', description: 'integration method of the membrane equation' },
];

export interface BrunelConfig {
  readonly g: number;
  readonly eta: number;
  readonly excitatory: number;
  readonly inhibitory: number;
  readonly epsilon: number;
  /** C_E and C_I. */
  readonly inDegreeE: number;
  readonly inDegreeI: number;
  /** C_ext = C_E. */
  readonly externalSynapses: number;
  readonly J: number;
  readonly delay: number;
  readonly tau: number;
  readonly theta: number;
  readonly reset: number;
  readonly refractory: number;
  readonly connectivity: 'fixed-indegree' | 'probability';
  readonly externalCount: 'poisson' | 'binomial';
  readonly vInit: 'uniform' | 'rest';
  readonly method: IntegrationMethod;
}

export function brunelConfig(values: ParamValues): BrunelConfig {
  const excitatory = numberParam(values, 'N-E');
  const inhibitory = numberParam(values, 'N-I');
  const epsilon = numberParam(values, 'epsilon');
  const config: BrunelConfig = {
    g: numberParam(values, 'g'),
    eta: numberParam(values, 'eta'),
    excitatory,
    inhibitory,
    epsilon,
    inDegreeE: Math.round(epsilon * excitatory),
    inDegreeI: Math.round(epsilon * inhibitory),
    externalSynapses: Math.round(epsilon * excitatory),
    J: numberParam(values, 'J'),
    delay: numberParam(values, 'D'),
    tau: numberParam(values, 'tau'),
    theta: numberParam(values, 'theta'),
    reset: numberParam(values, 'v-reset'),
    refractory: numberParam(values, 't-ref'),
    connectivity: String(values.connectivity ?? 'fixed-indegree') as BrunelConfig['connectivity'],
    externalCount: String(values['external-count'] ?? 'poisson') as BrunelConfig['externalCount'],
    vInit: String(values['v-init'] ?? 'uniform') as BrunelConfig['vInit'],
    method: String(values.method ?? 'exact') as IntegrationMethod,
  };
  if (!(config.reset < config.theta)) throw invalidParameter('v-reset', config.reset, `below theta = ${config.theta} V`);
  if (config.inDegreeE < 1) throw invalidParameter('epsilon', epsilon, `at least one excitatory input per neuron (ε·N_E ≥ 0.5, N_E = ${excitatory})`);
  if (config.inDegreeE > excitatory - 1 || config.inDegreeI > inhibitory - 1) {
    throw invalidParameter('epsilon', epsilon, `C_E < N_E and C_I < N_I (got C_E = ${config.inDegreeE}, C_I = ${config.inDegreeI})`);
  }
  return config;
}

/** ν_thr = θ/(J·C_E·τ): the external rate per synapse at which the mean free potential reaches threshold. */
export function brunelThresholdRate(config: BrunelConfig): number {
  return config.theta / (config.J * config.inDegreeE * config.tau);
}

/** ν_ext = η·ν_thr. */
export function brunelExternalRate(config: BrunelConfig): number {
  return config.eta * brunelThresholdRate(config);
}

const PAIRS = [
  ['E', 'E'],
  ['E', 'I'],
  ['I', 'E'],
  ['I', 'I'],
] as const;

/** The four projections' CSRs (rows presynaptic, targets postsynaptic, local indices), keyed `pre->post`. */
export type BrunelConnectivity = Readonly<Record<'E->E' | 'E->I' | 'I->E' | 'I->I', Csr>>;

/**
 * Draws the connectivity from the `connectivity/<pre>-><post>` streams, without autapses. It depends on neither
 * g nor η, so a sweep builds it once and shares it.
 */
export function brunelConnectivity(config: BrunelConfig, seed: number): BrunelConnectivity {
  const streams = new RandomStreams(seed);
  const sizes = { E: config.excitatory, I: config.inhibitory };
  const result: Partial<Record<keyof BrunelConnectivity, Csr>> = {};
  for (const [pre, post] of PAIRS) {
    // a fast lane of the named stream: 1.6·10⁷ draws at full size
    const random = Xoshiro128.fromStream(streams.stream(`connectivity/${pre}->${post}`));
    const excludeSelf = pre === post;
    result[`${pre}->${post}`] =
      config.connectivity === 'fixed-indegree'
        ? fixedInDegreeProjection(sizes[pre], sizes[post], pre === 'E' ? config.inDegreeE : config.inDegreeI, random, { excludeSelf })
        : bernoulliProjection(sizes[pre], sizes[post], config.epsilon, random, { excludeSelf });
  }
  return result as BrunelConnectivity;
}

/** Initial potentials of all N_E + N_I neurons (E first), from the `init` stream. */
export function brunelInitialPotentials(config: BrunelConfig, seed: number): Float64Array {
  const v0 = new Float64Array(config.excitatory + config.inhibitory);
  if (config.vInit === 'uniform') new RandomStreams(seed).stream('init').fillUniform(v0, 0, config.theta);
  return v0;
}

/** The network for the spiking-network engine: populations E (indices 0…N_E−1) and I, four projections, external drive. */
export function brunelNetworkSpec(config: BrunelConfig, setup: { dt: number; seed: number; connectivity?: BrunelConnectivity; threads?: number }): SpikingNetworkSpec {
  const connectivity = setup.connectivity ?? brunelConnectivity(config, setup.seed);
  const v0 = brunelInitialPotentials(config, setup.seed);
  const neuron = {
    kind: 'lif' as const,
    tauM: config.tau,
    rest: 0,
    threshold: config.theta,
    reset: config.reset,
    refractory: config.refractory,
    method: config.method,
  };
  const weights = { E: config.J, I: -config.g * config.J };
  const projections: ProjectionSpec[] = PAIRS.map(([pre, post]) => ({
    pre,
    post,
    connectivity: { kind: 'csr', csr: connectivity[`${pre}->${post}`] },
    weight: weights[pre],
    delay: config.delay,
  }));
  const external = (['E', 'I'] as const).map((target) => ({
    target,
    synapses: config.externalSynapses,
    rate: brunelExternalRate(config),
    weight: config.J,
    count: config.externalCount,
  }));
  return {
    dt: setup.dt,
    seed: setup.seed,
    threads: setup.threads,
    populations: [
      { ...neuron, name: 'E', size: config.excitatory, v0: v0.subarray(0, config.excitatory) },
      { ...neuron, name: 'I', size: config.inhibitory, v0: v0.subarray(config.excitatory) },
    ],
    projections,
    external,
  };
}
