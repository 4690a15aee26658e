/**
 * Sampling a fixed discrete distribution by inversion of its CDF, X = min{k : F(k) > u}, through a guide table
 * (Chen & Asau 1974) fine enough that almost every bucket of u lies inside one CDF step and maps straight to its
 * value: a draw then costs one 32-bit word, one table read and a branch that is almost never taken, which matters
 * because per-neuron, per-step Poisson and binomial counts are drawn 10⁸ times per simulated second.
 */
export interface DiscreteTable {
  /** The value of the first table entry: a sample is `first + k`. */
  readonly first: number;
  /** `cdf[k] = P(X ≤ first + k)`, non-decreasing, with the last entry exactly 1. */
  readonly cdf: Float64Array;
  /**
   * One entry per bucket [j/G, (j+1)/G) of u, G = 2^guideBits: k ≥ 0 when the whole bucket inverts to k, otherwise
   * −(k + 1) with k the smallest index whose CDF exceeds j/G, where the search starts.
   */
  readonly guide: Int32Array;
  readonly guideBits: number;
  /** Mean of the tabulated distribution. */
  readonly mean: number;
}

const TWO_POW_MINUS_32 = 2 ** -32;
const TWO_POW_MINUS_53 = 2 ** -53;

/**
 * Builds the inversion table of the distribution with probabilities proportional to `weights`
 * (normalised here), for the values first, first + 1, ….
 */
export function discreteTable(first: number, weights: Float64Array): DiscreteTable {
  if (weights.length === 0) throw new RangeError('discreteTable: expected at least one weight');
  let total = 0;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k];
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`discreteTable: expected finite non-negative weights, got ${w} at ${k}`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError('discreteTable: expected a positive total weight');
  const cdf = new Float64Array(weights.length);
  let running = 0;
  let mean = 0;
  for (let k = 0; k < weights.length; k++) {
    running += weights[k];
    cdf[k] = running / total;
    mean += (first + k) * (weights[k] / total);
  }
  cdf[weights.length - 1] = 1;
  // about 128 buckets per table entry: a bucket straddles a CDF step with probability below 1/128
  const guideBits = Math.min(20, Math.max(8, Math.ceil(Math.log2(weights.length)) + 7));
  const guideLength = 2 ** guideBits;
  const guide = new Int32Array(guideLength);
  let k = 0;
  for (let j = 0; j < guideLength; j++) {
    while (cdf[k] <= j / guideLength) k++;
    guide[j] = cdf[k] >= (j + 1) / guideLength ? k : -(k + 1);
  }
  return { first, cdf, guide, guideBits, mean };
}

/**
 * Inverts one 32-bit word whose guide bucket straddles a CDF step. The word fixes u to an interval of width 2⁻³²;
 * only when a step falls inside that interval (probability ≈ table length · 2⁻³²) is it refined with 21 more bits
 * from `refine`, so every draw is the inversion of a 53-bit uniform while costing a single word.
 */
export function invertStraddling(cdf: Float64Array, start: number, word: number, refine: () => number): number {
  const low = word * TWO_POW_MINUS_32;
  let k = start;
  while (cdf[k] <= low) k++;
  if (cdf[k] < low + TWO_POW_MINUS_32) {
    const u = low + (refine() >>> 11) * TWO_POW_MINUS_53;
    while (cdf[k] <= u) k++;
  }
  return k;
}

/**
 * Writes one sample per word: `out[i] = X(words[i])`.
 *
 * @param table the distribution
 * @param words uniform 32-bit words, one per sample
 * @param out receives the samples (same length as `words` or longer)
 * @param refine returns a fresh 32-bit word; called only for the rare ambiguous draws
 */
export function sampleDiscrete(table: DiscreteTable, words: Uint32Array, out: Float64Array | Int32Array, refine: () => number): void {
  const { cdf, guide, first } = table;
  const shift = 32 - table.guideBits;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    let k = guide[word >>> shift];
    if (k < 0) k = invertStraddling(cdf, -k - 1, word, refine);
    out[i] = first + k;
  }
}

/**
 * Adds `weight × sample` to `target[offset + i]` for i < count, one sample per word: the per-neuron external input
 * of C_ext Poisson synapses drawn as a single count per step.
 *
 * @param table the distribution of the count
 * @param words at least `count` uniform 32-bit words
 * @param target the array receiving the input
 * @param offset index of the first target entry
 * @param count number of targets
 * @param weight effect of one event
 * @param refine returns a fresh 32-bit word; called only for the rare ambiguous draws
 */
export function addDiscreteSamples(
  table: DiscreteTable,
  words: Uint32Array,
  target: Float64Array,
  offset: number,
  count: number,
  weight: number,
  refine: () => number,
): void {
  const { cdf, guide, first } = table;
  const shift = 32 - table.guideBits;
  for (let i = 0; i < count; i++) {
    const word = words[i];
    let k = guide[word >>> shift];
    if (k < 0) k = invertStraddling(cdf, -k - 1, word, refine);
    target[offset + i] += weight * (first + k);
  }
}
