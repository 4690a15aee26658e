import { discreteTable, type DiscreteTable } from './discreteInversion.js';

/** Terms smaller than this fraction of the mode's probability are dropped: far below a 53-bit uniform's resolution. */
const TAIL_CUTOFF = 1e-22;
const MAX_TABLE_LENGTH = 1 << 22;

/**
 * The inversion table of Binomial(trials, probability): probabilities by the ratio recurrence outward from the mode
 * ⌊(n + 1)p⌋, normalised, with tails below 1e-22 of the modal probability dropped. Exact to floating-point rounding.
 */
export function binomialTable(trials: number, probability: number): DiscreteTable {
  if (!(Number.isInteger(trials) && trials >= 0)) throw new RangeError(`binomialTable: expected an integer number of trials ≥ 0, got ${trials}`);
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`binomialTable: expected a probability in [0, 1], got ${probability}`);
  if (trials === 0 || probability === 0) return discreteTable(0, Float64Array.of(1));
  if (probability === 1) return discreteTable(trials, Float64Array.of(1));
  const odds = probability / (1 - probability);
  const mode = Math.min(trials, Math.floor((trials + 1) * probability));
  const below: number[] = [];
  let p = 1;
  for (let k = mode; k > 0; k--) {
    p *= k / ((trials - k + 1) * odds);
    if (p < TAIL_CUTOFF) break;
    below.push(p);
  }
  const above: number[] = [];
  p = 1;
  for (let k = mode; k < trials; k++) {
    p *= ((trials - k) / (k + 1)) * odds;
    if (p < TAIL_CUTOFF) break;
    above.push(p);
  }
  const length = below.length + 1 + above.length;
  if (length > MAX_TABLE_LENGTH) throw new RangeError(`binomialTable: n = ${trials}, p = ${probability} needs ${length} entries, more than ${MAX_TABLE_LENGTH}`);
  const weights = new Float64Array(length);
  for (let i = 0; i < below.length; i++) weights[below.length - 1 - i] = below[i];
  weights[below.length] = 1;
  for (let i = 0; i < above.length; i++) weights[below.length + 1 + i] = above[i];
  return discreteTable(mode - below.length, weights);
}
