import { invalidParameter } from '../core/errors.js';
import type { ParamSpec, ParamValues } from '../core/params.js';
import { numberParam } from '../core/params.js';
import { denseRandomWeights } from '../network/denseRandomWeights.js';
import type { RandomStreams } from '../random/stream.js';

/**
 * The Izhikevich (2003) neuron, in its native units (v in mV, t in ms, I in mV/ms):
 * dv/dt = 0.04·v² + 5·v + 140 − u + I, du/dt = a·(b·v − u); when v ≥ 30 mV, v ← c and u ← u + d.
 * (Izhikevich, Simple model of spiking neurons, IEEE Trans. Neural Netw. 14(6):1569–1572, 2003.)
 */
export interface IzhikevichParameters {
  /** Time scale of the recovery variable u (1/ms). */
  readonly a: number;
  /** Sensitivity of u to subthreshold v. */
  readonly b: number;
  /** Reset potential after a spike (mV). */
  readonly c: number;
  /** Increment of u after a spike. */
  readonly d: number;
}

export interface IzhikevichType extends IzhikevichParameters {
  readonly description: string;
}

/** Peak potential: a neuron spikes when v reaches it (mV). */
export const IZHIKEVICH_PEAK = 30;

/** The named cortical and thalamic cell types of Izhikevich (2003), Fig. 2. */
export const IZHIKEVICH_TYPES = {
  RS: { a: 0.02, b: 0.2, c: -65, d: 8, description: 'regular spiking' },
  IB: { a: 0.02, b: 0.2, c: -55, d: 4, description: 'intrinsically bursting' },
  CH: { a: 0.02, b: 0.2, c: -50, d: 2, description: 'chattering' },
  FS: { a: 0.1, b: 0.2, c: -65, d: 2, description: 'fast spiking' },
  TC: { a: 0.02, b: 0.25, c: -65, d: 0.05, description: 'thalamo-cortical' },
  RZ: { a: 0.1, b: 0.26, c: -65, d: 2, description: 'resonator' },
  LTS: { a: 0.02, b: 0.25, c: -65, d: 2, description: 'low-threshold spiking' },
} as const satisfies Record<string, IzhikevichType>;

export type IzhikevichTypeName = keyof typeof IZHIKEVICH_TYPES;

export const IZHIKEVICH_TYPE_NAMES = Object.keys(IZHIKEVICH_TYPES) as IzhikevichTypeName[];

/**
 * Weight scenarios: presynaptic E weights are `e`·U(0, 1), presynaptic I weights −`i`·U(0, 1).
 * `original` is Izhikevich (2003); S1–S5 are the scenarios of the seed document (strong E and I, strong E and
 * weak I, weak E and very weak I, very weak both, and the S5 used with other neuron-type combinations).
 */
export const IZHIKEVICH_WEIGHT_PRESETS = {
  original: { e: 0.5, i: 1 },
  S1: { e: 0.6, i: 1.6 },
  S2: { e: 0.6, i: 0.6 },
  S3: { e: 0.3, i: 0.1 },
  S4: { e: 0.1, i: 0.1 },
  S5: { e: 0.3, i: 0.2 },
} as const;

export type IzhikevichPreset = keyof typeof IZHIKEVICH_WEIGHT_PRESETS;

/**
 * The neuron-type combinations (E type, I type) of the seed document, for `--types`: RS with CH, RS with TC,
 * RZ with RS, IB with IB, besides Izhikevich's own RS with LTS.
 */
export const IZHIKEVICH_TYPE_COMBINATIONS = ['RS,LTS', 'RS,CH', 'RS,TC', 'RZ,RS', 'IB,IB'] as const;

const typeList = IZHIKEVICH_TYPE_NAMES.join(', ');

export const izhikevichParams: readonly ParamSpec[] = [
  { name: 'NE', kind: 'integer', min: 1, minInclusive: true, default: 800, description: 'excitatory neurons (indices 0 … NE−1)' },
  { name: 'NI', kind: 'integer', min: 0, minInclusive: true, default: 200, description: 'inhibitory neurons (indices NE … NE+NI−1)' },
  {
    name: 'preset',
    kind: 'string',
    choices: Object.keys(IZHIKEVICH_WEIGHT_PRESETS),
    default: 'original',
    description: 'weight scales (E, I): original (0.5, 1), S1 (0.6, 1.6), S2 (0.6, 0.6), S3 (0.3, 0.1), S4 (0.1, 0.1), S5 (0.3, 0.2)',
  },
  { name: 'w-e', kind: 'number', min: 0, minInclusive: true, description: 'E weight scale: weights w-e·U(0,1); overrides the preset' },
  { name: 'w-i', kind: 'number', min: 0, minInclusive: true, description: 'I weight scale: weights −w-i·U(0,1); overrides the preset' },
  {
    name: 'types',
    kind: 'string',
    default: 'RS,LTS',
    description: `E and I neuron types, "E,I", from ${typeList} (the seed's combinations: ${IZHIKEVICH_TYPE_COMBINATIONS.join('; ')})`,
  },
  {
    name: 'hetero-towards',
    kind: 'string',
    default: 'CH,FS',
    description: 'types the E and I parameters spread towards: E by r², I by r, r ~ U(0,1) per neuron (CH,FS is Izhikevich 2003; E,I types alike give a homogeneous network)',
  },
  { name: 'noise-e', kind: 'number', min: 0, minInclusive: true, default: 5, description: 'thalamic input to E neurons: noise-e·N(0,1) per 1 ms step' },
  { name: 'noise-i', kind: 'number', min: 0, minInclusive: true, default: 2, description: 'thalamic input to I neurons: noise-i·N(0,1) per 1 ms step' },
  { name: 'drive-e', kind: 'number', default: 0, description: 'constant input current added to every E neuron' },
  { name: 'drive-i', kind: 'number', default: 0, description: 'constant input current added to every I neuron' },
];

export interface IzhikevichNetworkConfig {
  readonly excitatory: number;
  readonly inhibitory: number;
  readonly preset: IzhikevichPreset;
  readonly weightE: number;
  readonly weightI: number;
  readonly typeE: IzhikevichTypeName;
  readonly typeI: IzhikevichTypeName;
  readonly towardsE: IzhikevichTypeName;
  readonly towardsI: IzhikevichTypeName;
  readonly noiseE: number;
  readonly noiseI: number;
  readonly driveE: number;
  readonly driveI: number;
}

/** Parses "E,I" into two known type names (case-insensitive), or fails naming the flag. */
export function parseTypePair(name: string, text: string): [IzhikevichTypeName, IzhikevichTypeName] {
  const parts = text.split(',').map((part) => part.trim().toUpperCase());
  const known = (part: string): part is IzhikevichTypeName => Object.hasOwn(IZHIKEVICH_TYPES, part);
  if (parts.length !== 2 || !known(parts[0]) || !known(parts[1])) {
    throw invalidParameter(name, text, `two neuron types "E,I" from ${typeList} (e.g. RS,LTS)`);
  }
  return [parts[0], parts[1]];
}

/** Validated network configuration from parsed parameter values. */
export function izhikevichConfig(values: ParamValues): IzhikevichNetworkConfig {
  const preset = String(values.preset ?? 'original') as IzhikevichPreset;
  if (!Object.hasOwn(IZHIKEVICH_WEIGHT_PRESETS, preset)) {
    throw invalidParameter('preset', preset, `one of ${Object.keys(IZHIKEVICH_WEIGHT_PRESETS).join(', ')}`);
  }
  const [typeE, typeI] = parseTypePair('types', String(values.types ?? 'RS,LTS'));
  const [towardsE, towardsI] = parseTypePair('hetero-towards', String(values['hetero-towards'] ?? 'CH,FS'));
  const scales = IZHIKEVICH_WEIGHT_PRESETS[preset];
  return {
    excitatory: numberParam(values, 'NE'),
    inhibitory: numberParam(values, 'NI'),
    preset,
    weightE: typeof values['w-e'] === 'number' ? values['w-e'] : scales.e,
    weightI: typeof values['w-i'] === 'number' ? values['w-i'] : scales.i,
    typeE,
    typeI,
    towardsE,
    towardsI,
    noiseE: numberParam(values, 'noise-e'),
    noiseI: numberParam(values, 'noise-i'),
    driveE: numberParam(values, 'drive-e'),
    driveI: numberParam(values, 'drive-i'),
  };
}

/** Per-neuron parameter columns of a network. */
export interface IzhikevichColumns {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly d: Float64Array;
}

/**
 * Per-neuron (a, b, c, d) with Izhikevich's (2003) heterogeneity: each neuron draws r ~ U(0,1) from the
 * `heterogeneity` stream (all E neurons first, then all I neurons) and its parameters lie between its type's and the
 * target type's, at fraction r² for E neurons (biasing them towards the base type) and r for I neurons.
 * With RS→CH and LTS→FS this is exactly the paper's c = −65 + 15r², d = 8 − 6r² (E) and a = 0.02 + 0.08r,
 * b = 0.25 − 0.05r (I). Interpolating towards a type, rather than adding the paper's fixed offsets to any type,
 * keeps every neuron's parameters within a named type's range (the offsets would give IB or CH cells a negative d).
 */
export function izhikevichColumns(config: IzhikevichNetworkConfig, streams: RandomStreams): IzhikevichColumns {
  const size = config.excitatory + config.inhibitory;
  const columns = { a: new Float64Array(size), b: new Float64Array(size), c: new Float64Array(size), d: new Float64Array(size) };
  const random = streams.stream('heterogeneity');
  const spread = (first: number, count: number, base: IzhikevichParameters, target: IzhikevichParameters, squared: boolean) => {
    for (let i = first; i < first + count; i++) {
      const r = random.uniform();
      const f = squared ? r * r : r;
      columns.a[i] = base.a + f * (target.a - base.a);
      columns.b[i] = base.b + f * (target.b - base.b);
      columns.c[i] = base.c + f * (target.c - base.c);
      columns.d[i] = base.d + f * (target.d - base.d);
    }
  };
  spread(0, config.excitatory, IZHIKEVICH_TYPES[config.typeE], IZHIKEVICH_TYPES[config.towardsE], true);
  spread(config.excitatory, config.inhibitory, IZHIKEVICH_TYPES[config.typeI], IZHIKEVICH_TYPES[config.towardsI], false);
  return columns;
}

/**
 * Dense all-to-all weights, presynaptic-major (`weights[pre · N + post]`, so one spike adds one contiguous row), from
 * the `connectivity` stream: rows of E neurons weightE·U(0,1), rows of I neurons −weightI·U(0,1). As in Izhikevich
 * (2003) every pair is connected, including each neuron to itself.
 */
export function izhikevichWeights(config: IzhikevichNetworkConfig, streams: RandomStreams): Float64Array {
  const size = config.excitatory + config.inhibitory;
  const random = streams.stream('connectivity');
  const weights = new Float64Array(size * size);
  weights.set(denseRandomWeights(config.excitatory, size, config.weightE, random), 0);
  weights.set(denseRandomWeights(config.inhibitory, size, -config.weightI, random), config.excitatory * size);
  return weights;
}
