/**
 * Sampling a fixed discrete distribution by inversion of its CDF with a guide table (Chen & Asau 1974):
 * X = min{k : F(k) > u}, where the guide table jumps straight to the first candidate for u, so a draw costs one
 * 32-bit word and, on average, about one comparison. Used for per-neuron, per-step Poisson and binomial counts,
 * whose parameters stay fixed for a whole run.
 */
export interface DiscreteTable {
  /** The value of the first table entry: a sample is `first + k`. */
  readonly first: number;
  /** `cdf[k] = P(X ≤ first + k)`, non-decreasing, with the last entry exactly 1. */
  readonly cdf: Float64Array;
  /** `guide[j]` = smallest k with `cdf[k] > j / guide.length`; its length is a power of two. */
  readonly guide: Int32Array;
  /** log2 of the guide length. */
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
  const guideBits = Math.min(20, Math.max(4, Math.ceil(Math.log2(weights.length)) + 1));
  const guideLength = 1 << guideBits;
  const guide = new Int32Array(guideLength);
  let k = 0;
  for (let j = 0; j < guideLength; j++) {
    const u = j / guideLength;
    while (cdf[k] <= u) k++;
    guide[j] = k;
  }
  return { first, cdf, guide, guideBits, mean };
}

/**
 * Inverts one 32-bit word. The word fixes u to an interval of width 2⁻³²; only when a CDF step falls inside that
 * interval (probability ≈ table length · 2⁻³²) is it refined with 21 more bits from `refine`, so every draw is the
 * inversion of a 53-bit uniform while costing a single word.
 */
function invertWord(table: DiscreteTable, word: number, refine: () => number): number {
  const cdf = table.cdf;
  const low = word * TWO_POW_MINUS_32;
  let k = table.guide[word >>> (32 - table.guideBits)];
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
  const cdf = table.cdf;
  const guide = table.guide;
  const shift = 32 - table.guideBits;
  const first = table.first;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const low = word * TWO_POW_MINUS_32;
    let k = guide[word >>> shift];
    while (cdf[k] <= low) k++;
    if (cdf[k] < low + TWO_POW_MINUS_32) k = invertWord(table, word, refine);
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
  const cdf = table.cdf;
  const guide = table.guide;
  const shift = 32 - table.guideBits;
  const first = table.first;
  for (let i = 0; i < count; i++) {
    const word = words[i];
    const low = word * TWO_POW_MINUS_32;
    let k = guide[word >>> shift];
    while (cdf[k] <= low) k++;
    if (cdf[k] < low + TWO_POW_MINUS_32) k = invertWord(table, word, refine);
    target[offset + i] += weight * (first + k);
  }
}
