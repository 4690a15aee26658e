import { SpikeflowError, invalidParameter } from './errors.js';

/** Physical dimensions a parameter can have. Values are always stored in SI base units. */
export type Dimension =
  | 'dimensionless'
  | 'time'
  | 'frequency'
  | 'voltage'
  | 'current'
  | 'conductance'
  | 'capacitance'
  | 'resistance';

const DIMENSION_NOUN: Record<Dimension, string> = {
  dimensionless: 'a dimensionless number',
  time: 'a time',
  frequency: 'a frequency',
  voltage: 'a voltage',
  current: 'a current',
  conductance: 'a conductance',
  capacitance: 'a capacitance',
  resistance: 'a resistance',
};

const BASE_UNITS: Record<string, Dimension> = {
  s: 'time',
  Hz: 'frequency',
  V: 'voltage',
  A: 'current',
  S: 'conductance',
  F: 'capacitance',
  ohm: 'resistance',
  Ω: 'resistance',
};

const PREFIXES: Record<string, number> = {
  '': 1,
  G: 1e9,
  M: 1e6,
  k: 1e3,
  m: 1e-3,
  u: 1e-6,
  µ: 1e-6,
  μ: 1e-6,
  n: 1e-9,
  p: 1e-12,
  f: 1e-15,
};

export interface Quantity {
  readonly value: number;
  readonly dimension: Dimension;
}

/** Resolves a unit symbol such as `ms`, `nA`, `kHz` or `Mohm` to its SI scale and dimension. */
export function unitOf(symbol: string): { scale: number; dimension: Dimension } | undefined {
  if (symbol === '' || symbol === '1') return { scale: 1, dimension: 'dimensionless' };
  if (symbol === 'min') return { scale: 60, dimension: 'time' };
  if (symbol === 'h') return { scale: 3600, dimension: 'time' };
  for (const [base, dimension] of Object.entries(BASE_UNITS)) {
    if (!symbol.endsWith(base)) continue;
    const prefix = symbol.slice(0, symbol.length - base.length);
    const scale = PREFIXES[prefix];
    if (scale !== undefined) return { scale, dimension };
  }
  return undefined;
}

const QUANTITY = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?Infinity|NaN)\s*\*?\s*([A-Za-zµμΩ]*)\s*$/;

/** Parses `"20 ms"`, `"0.44nA"`, `"10 Hz"` or a bare SI number. Returns undefined when the text is not a quantity. */
export function parseQuantity(text: string): Quantity | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const unit = unitOf(match[2]);
  if (!unit) return undefined;
  return { value: Number(match[1]) * unit.scale, dimension: unit.dimension };
}

/**
 * Converts a flag or config value to SI for a parameter of the given dimension.
 * Bare numbers are taken as SI. A unit of the wrong dimension is an error naming the parameter.
 */
export function toSI(name: string, input: string | number, expected: Dimension): number {
  if (typeof input === 'number') return input;
  const quantity = parseQuantity(input);
  if (!quantity) {
    const unitMatch = /^\s*[-+]?[\d.eE+-]+\s*\*?\s*(\S+)\s*$/.exec(input);
    if (unitMatch && !unitOf(unitMatch[1])) {
      throw invalidParameter(name, input, `${DIMENSION_NOUN[expected]} with a known unit, but "${unitMatch[1]}" is not one`);
    }
    throw invalidParameter(name, input, DIMENSION_NOUN[expected]);
  }
  if (quantity.dimension !== 'dimensionless' && quantity.dimension !== expected) {
    throw new SpikeflowError(`${name} expects ${DIMENSION_NOUN[expected]}, got ${DIMENSION_NOUN[quantity.dimension]} (${JSON.stringify(input)})`);
  }
  return quantity.value;
}

export function describeDimension(dimension: Dimension): string {
  return DIMENSION_NOUN[dimension];
}

/** SI symbol of a dimension, for summaries and figure axes. */
export function siSymbol(dimension: Dimension): string {
  for (const [symbol, d] of Object.entries(BASE_UNITS)) if (d === dimension) return symbol;
  return '';
}
