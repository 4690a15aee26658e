/**
 * Streaming inter-spike-interval (ISI) moments, constant memory per neuron.
 * Each neuron keeps its last spike time and Welford's running mean and sum of squared deviations (M2) of its ISIs
 * (Welford 1962, Technometrics 4(3):419–420), so the result does not depend on how the spike train was chunked.
 */
export interface IsiMoments {
  readonly size: number;
  /** Time of each neuron's latest spike, NaN before its first. */
  readonly lastSpike: Float64Array;
  /** Number of ISIs seen (spikes − 1 once a neuron has spiked). */
  readonly count: Float64Array;
  /** Running mean ISI in seconds. */
  readonly mean: Float64Array;
  /** Running sum of squared deviations from the mean ISI, in s². */
  readonly m2: Float64Array;
}

/** Empty ISI moments for a population of `size` neurons. */
export function isiMoments(size: number): IsiMoments {
  if (!Number.isInteger(size) || size < 0) {
    throw new RangeError(`isiMoments: expected size to be an integer ≥ 0, got ${size}`);
  }
  return {
    size,
    lastSpike: new Float64Array(size).fill(NaN),
    count: new Float64Array(size),
    mean: new Float64Array(size),
    m2: new Float64Array(size),
  };
}

/**
 * Adds spikes, which must come in non-decreasing time order (within a call and across calls).
 *
 * @param state moments updated in place
 * @param neuron neuron index of each spike, in `[0, state.size)`
 * @param t spike time of each spike in seconds, same length as `neuron`
 * @returns `state`
 */
export function addSpikes(state: IsiMoments, neuron: Int32Array, t: Float64Array): IsiMoments {
  if (neuron.length !== t.length) {
    throw new RangeError(`addSpikes: expected neuron and t of equal length, got ${neuron.length} and ${t.length}`);
  }
  const { lastSpike, count, mean, m2 } = state;
  for (let i = 0; i < neuron.length; i++) {
    const n = neuron[i];
    const time = t[i];
    const last = lastSpike[n];
    lastSpike[n] = time;
    // NaN marks a neuron's first spike, which opens no interval.
    if (last !== last) continue;
    const isi = time - last;
    const k = ++count[n];
    const delta = isi - mean[n];
    const updatedMean = mean[n] + delta / k;
    mean[n] = updatedMean;
    m2[n] += delta * (isi - updatedMean);
  }
  return state;
}

/**
 * Coefficient of variation of each neuron's ISIs: standard deviation / mean.
 *
 * The standard deviation is the population one, `sqrt(M2 / n)` over the n ISIs (ddof = 0, numpy's default
 * `np.std`), so a neuron with exactly two ISIs is not inflated by Bessel's correction and a perfectly regular
 * train gives 0. Neurons with fewer than `minSpikes` spikes get NaN, as do neurons whose mean ISI is 0.
 *
 * @param state accumulated moments
 * @param minSpikes fewest spikes (not intervals) a neuron needs for a CV; integer ≥ 2, default 3
 */
export function isiCvValues(state: IsiMoments, minSpikes = 3): Float64Array {
  if (!Number.isInteger(minSpikes) || minSpikes < 2) {
    throw new RangeError(`isiCvValues: expected minSpikes to be an integer ≥ 2, got ${minSpikes}`);
  }
  const { size, count, mean, m2 } = state;
  const minIntervals = minSpikes - 1;
  const cv = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const n = count[i];
    cv[i] = n >= minIntervals ? Math.sqrt(m2[i] / n) / mean[i] : NaN;
  }
  return cv;
}

/** The ISI CV as a streaming `{init, add, value}` reducer. */
export const isiCvReducer = {
  init: isiMoments,
  add: addSpikes,
  value: isiCvValues,
} as const;
