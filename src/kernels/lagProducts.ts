/**
 * Streaming lagged products of a multichannel signal sampled on a uniform grid, for the population-averaged
 * autocorrelation Δ(ℓ) = ⟨x_i(s)·x_i(s − ℓ)⟩ averaged over channels i and over every sample pair ℓ apart
 * (Sompolinsky, Crisanti & Sommers 1988 use Δ(τ) = ⟨h_i(t)·h_i(t + τ)⟩ of the local fields).
 * The last `maxLag + 1` samples sit in a ring, so memory is constant and the sums, added in sample order, do not
 * depend on how the signal was chunked.
 */
export interface LagProducts {
  readonly width: number;
  readonly maxLag: number;
  /** The last maxLag + 1 samples, sample n in slot n mod (maxLag + 1). */
  readonly ring: Float64Array;
  /** Σ over sample pairs and channels of x(s)·x(s − ℓ), per lag ℓ. */
  readonly sums: Float64Array;
  /** Sample pairs seen per lag. */
  readonly pairs: Float64Array;
  /** Samples seen so far. */
  samples: number;
}

/** Empty lagged products for `width` channels and lags 0 … maxLag (in samples). */
export function lagProducts(width: number, maxLag: number): LagProducts {
  if (!(Number.isInteger(width) && width >= 1 && Number.isInteger(maxLag) && maxLag >= 0)) {
    throw new RangeError(`lagProducts: expected integers width ≥ 1 and maxLag ≥ 0, got ${width} and ${maxLag}`);
  }
  return {
    width,
    maxLag,
    ring: new Float64Array((maxLag + 1) * width),
    sums: new Float64Array(maxLag + 1),
    pairs: new Float64Array(maxLag + 1),
    samples: 0,
  };
}

/**
 * Adds `count` samples, row-major (`values[s * width + i]` is channel i of sample s), following all earlier ones.
 *
 * @returns `state`
 */
export function addLagSamples(state: LagProducts, values: Float64Array, count: number): LagProducts {
  const { width, maxLag, ring, sums, pairs } = state;
  if (!(Number.isInteger(count) && count >= 0 && values.length >= count * width)) {
    throw new RangeError(`addLagSamples: expected ${count} samples of ${width} values, got ${values.length} values`);
  }
  const slots = maxLag + 1;
  for (let s = 0; s < count; s++) {
    const n = state.samples;
    const slot = (n % slots) * width;
    const source = s * width;
    for (let i = 0; i < width; i++) ring[slot + i] = values[source + i];
    const lags = n < maxLag ? n : maxLag;
    for (let lag = 0; lag <= lags; lag++) {
      const earlier = ((n - lag) % slots) * width;
      let sum = 0;
      for (let i = 0; i < width; i++) sum += ring[slot + i] * ring[earlier + i];
      sums[lag] += sum;
      pairs[lag] += 1;
    }
    state.samples = n + 1;
  }
  return state;
}

/** Δ(ℓ) for ℓ = 0 … maxLag: the mean lagged product per channel and sample pair; NaN for lags no pair spans yet. */
export function lagAutocorrelation(state: LagProducts): Float64Array {
  const { sums, pairs, width } = state;
  const out = new Float64Array(sums.length);
  for (let lag = 0; lag < out.length; lag++) out[lag] = pairs[lag] > 0 ? sums[lag] / (pairs[lag] * width) : NaN;
  return out;
}

/** The population-averaged autocorrelation as a streaming `{init, add, value}` reducer. */
export const autocorrelationReducer = {
  init: lagProducts,
  add: addLagSamples,
  value: lagAutocorrelation,
} as const;
