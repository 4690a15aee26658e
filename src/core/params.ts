import { invalidParameter } from './errors.js';
import { describeDimension, toSI, unitOf, type Dimension } from './units.js';

/**
 * One declaration per parameter. CLI flags, `spikeflow list`, validation errors and summary.json all derive from it.
 * `name` is the flag without dashes (`tau-m`); values are SI after unit conversion.
 */
export interface NumberParam {
  readonly name: string;
  readonly kind: 'number' | 'integer';
  readonly dimension?: Dimension;
  readonly default?: number;
  /** Lower bound; exclusive unless `minInclusive`. */
  readonly min?: number;
  readonly minInclusive?: boolean;
  /** Upper bound; exclusive unless `maxInclusive`. */
  readonly max?: number;
  readonly maxInclusive?: boolean;
  /** Shown in `list` and help, e.g. "ms" so a default of 0.01 s prints as 10 ms. */
  readonly displayUnit?: string;
  readonly description: string;
}

export interface StringParam {
  readonly name: string;
  readonly kind: 'string' | 'path';
  readonly default?: string;
  readonly choices?: readonly string[];
  readonly description: string;
}

export interface BooleanParam {
  readonly name: string;
  readonly kind: 'boolean';
  readonly default?: boolean;
  readonly description: string;
}

export type ParamSpec = NumberParam | StringParam | BooleanParam;

export type ParamValues = Record<string, number | string | boolean | undefined>;

/** What a number parameter accepts, in words, for error messages and help. */
export function describeRange(spec: NumberParam): string {
  const noun = spec.kind === 'integer' ? 'an integer' : spec.dimension && spec.dimension !== 'dimensionless' ? describeDimension(spec.dimension) : 'a number';
  const parts: string[] = [];
  if (spec.min !== undefined) {
    if (spec.min === 0 && !spec.minInclusive) parts.push('> 0');
    else parts.push(`${spec.minInclusive ? '≥' : '>'} ${formatSI(spec.min, spec)}`);
  }
  if (spec.max !== undefined) parts.push(`${spec.maxInclusive ? '≤' : '<'} ${formatSI(spec.max, spec)}`);
  return parts.length ? `${noun} ${parts.join(' and ')}` : `a finite ${noun.replace(/^an? /, '')}`;
}

/** Formats an SI value in the parameter's display unit (`0.01` → `10 ms`). */
export function formatSI(value: number, spec: NumberParam): string {
  if (!spec.displayUnit) return String(value);
  const unit = unitOf(spec.displayUnit);
  if (!unit) return String(value);
  return `${+(value / unit.scale).toPrecision(12)} ${spec.displayUnit}`;
}

/** Parses and validates one raw value (a flag string, a config number) against its declaration. */
export function parseParam(spec: ParamSpec, raw: unknown): number | string | boolean | undefined {
  if (raw === undefined || raw === null) return spec.default;
  switch (spec.kind) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      throw invalidParameter(spec.name, raw, 'true or false');
    case 'string':
    case 'path': {
      const text = String(raw);
      if (spec.choices && !spec.choices.includes(text)) throw invalidParameter(spec.name, text, `one of ${spec.choices.join(', ')}`);
      if (text.length === 0) throw invalidParameter(spec.name, text, spec.kind === 'path' ? 'a file path' : 'a non-empty value');
      return text;
    }
    default: {
      const expected = describeRange(spec);
      let value: number;
      if (typeof raw === 'number') value = raw;
      else if (typeof raw === 'string') {
        const text = raw.trim();
        if (text === '') throw invalidParameter(spec.name, raw, expected);
        value = spec.dimension ? toSI(spec.name, text, spec.dimension) : Number(text);
      } else throw invalidParameter(spec.name, raw, expected);
      if (!Number.isFinite(value)) throw invalidParameter(spec.name, raw, expected);
      if (spec.kind === 'integer' && !Number.isInteger(value)) throw invalidParameter(spec.name, raw, expected);
      if (spec.min !== undefined && (spec.minInclusive ? value < spec.min : value <= spec.min)) throw invalidParameter(spec.name, raw, expected);
      if (spec.max !== undefined && (spec.maxInclusive ? value > spec.max : value >= spec.max)) throw invalidParameter(spec.name, raw, expected);
      return value;
    }
  }
}

/** Parses a whole set of raw values; parameters without a value take their defaults. */
export function parseParams(specs: readonly ParamSpec[], raw: Record<string, unknown>): ParamValues {
  const values: ParamValues = {};
  for (const spec of specs) values[spec.name] = parseParam(spec, raw[spec.name]);
  return values;
}

/** Reads a parameter that must be present after defaults, as a number. */
export function numberParam(values: ParamValues, name: string): number {
  const value = values[name];
  if (typeof value !== 'number') throw invalidParameter(name, value, 'a number');
  return value;
}
