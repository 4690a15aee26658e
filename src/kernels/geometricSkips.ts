import { nextUp } from './nextUp.js';

/** log2 of the number of equal slices of [0, 1) in a skip table. */
export const SKIP_TABLE_BITS = 16;

/** The number of failures before the next success of a Bernoulli(p) sequence, from u ~ U[0, 1); logMiss = log(1 − p). */
export function geometricSkip(u: number, logMiss: number): number {
  return Math.floor(Math.log(1 - u) / logMiss);
}

/**
 * `geometricSkip` for every u of each slice [s/2¹⁶, (s+1)/2¹⁶) where it is constant, −1 where it changes inside the
 * slice (or exceeds 2³⁰). The skip is monotone in u, so equal values at a slice's lowest and highest double fix it
 * for the whole slice: a table hit is exactly `geometricSkip(u)`, and only the few slices holding a step, about
 * one per distinct skip value, need the logarithm. Used by `erdosRenyi`, where the logarithm dominated.
 */
export function geometricSkipTable(logMiss: number): Int32Array {
  const slices = 1 << SKIP_TABLE_BITS;
  const table = new Int32Array(slices);
  let low = geometricSkip(0, logMiss);
  for (let s = 0; s < slices; s++) {
    const end = (s + 1) / slices;
    const high = geometricSkip(-nextUp(-end), logMiss);
    table[s] = low === high && high <= 2 ** 30 ? high : -1;
    low = s + 1 < slices ? geometricSkip(end, logMiss) : 0;
  }
  return table;
}
