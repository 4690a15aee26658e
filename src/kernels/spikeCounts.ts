/**
 * Adds one to `counts[neuron[i]]` for every spike, accumulating across calls.
 * Indices outside `[0, counts.length)` are not counted (typed-array writes out of range are no-ops).
 * Prefer Float64Array counts for long runs: they stay exact up to 2^53 where Int32Array wraps at 2^31.
 *
 * @param neuron neuron index of each spike
 * @param counts per-neuron counts, updated in place
 * @returns `counts`
 */
export function countSpikes<C extends Float64Array | Int32Array>(neuron: Int32Array, counts: C): C {
  for (let i = 0; i < neuron.length; i++) counts[neuron[i]]++;
  return counts;
}

/**
 * Per-neuron firing rates in Hz: `counts[i] / duration`.
 * A zero duration gives NaN for silent neurons (0 / 0), so "no time observed" never reads as "silent".
 *
 * @param counts spike count of each neuron
 * @param duration observed time in seconds
 * @param out destination, defaults to a new array
 */
export function ratesFromCounts(
  counts: Float64Array | Int32Array,
  duration: number,
  out: Float64Array = new Float64Array(counts.length),
): Float64Array {
  if (out.length !== counts.length) {
    throw new RangeError(`ratesFromCounts: expected out of length ${counts.length}, got ${out.length}`);
  }
  for (let i = 0; i < counts.length; i++) out[i] = counts[i] / duration;
  return out;
}
