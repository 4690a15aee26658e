import { discreteTable, type DiscreteTable } from './discreteInversion.js';

/** Terms smaller than this fraction of the mode's probability are dropped: far below a 53-bit uniform's resolution. */
const TAIL_CUTOFF = 1e-22;
const MAX_TABLE_LENGTH = 1 << 22;

/**
 * The inversion table of Poisson(mean): probabilities by the ratio recurrence p(k±1)/p(k) outward from the mode,
 * normalised, with tails below 1e-22 of the modal probability dropped. Exact to floating-point rounding.
 */
export function poissonTable(mean: number): DiscreteTable {
  if (!(mean >= 0 && Number.isFinite(mean))) throw new RangeError(`poissonTable: expected a finite mean ≥ 0, got ${mean}`);
  if (mean === 0) return discreteTable(0, Float64Array.of(1));
  const mode = Math.floor(mean);
  const below: number[] = [];
  let p = 1;
  for (let k = mode; k > 0; k--) {
    p *= k / mean;
    if (p < TAIL_CUTOFF) break;
    below.push(p);
  }
  const above: number[] = [];
  p = 1;
  for (let k = mode; ; k++) {
    p *= mean / (k + 1);
    if (p < TAIL_CUTOFF) break;
    above.push(p);
  }
  const length = below.length + 1 + above.length;
  if (length > MAX_TABLE_LENGTH) throw new RangeError(`poissonTable: mean ${mean} needs a table of ${length} entries, more than ${MAX_TABLE_LENGTH}`);
  const weights = new Float64Array(length);
  for (let i = 0; i < below.length; i++) weights[below.length - 1 - i] = below[i];
  weights[below.length] = 1;
  for (let i = 0; i < above.length; i++) weights[below.length + 1 + i] = above[i];
  return discreteTable(mode - below.length, weights);
}
