/**
 * Spike-timing reliability across repeated trials, the correlation measure of Schreiber et al. (2003):
 * each trial's spike train is convolved with a Gaussian of width σ, and R is the mean over trial pairs of the
 * cosine similarity ⟨s_i, s_j⟩/(‖s_i‖‖s_j‖). R = 1 for identical trains and ≈ 0 for unrelated sparse ones.
 *
 * The inner product of two Gaussian-filtered trains is computed exactly as Σ_a Σ_b exp(−(t_a − t_b)²/(4σ²)) (the
 * convolution of two Gaussians of width σ is one of width σ√2; constant factors cancel), over pairs closer than
 * 12σ, on the whole real line (no edge correction). Trials without spikes have no direction and are left out of
 * the pairs; with fewer than two spiking trials R is NaN.
 *
 * @param trains spike times of each trial, each sorted increasingly
 * @param sigma width of the Gaussian filter in the same time unit
 */
export function spikeTrainReliability(trains: readonly Float64Array[], sigma: number): number {
  if (!(sigma > 0)) throw new RangeError(`spikeTrainReliability: expected sigma > 0, got ${sigma}`);
  const active = trains.filter((train) => train.length > 0);
  if (active.length < 2) return NaN;
  const norms = active.map((train) => Math.sqrt(gaussianOverlap(train, train, sigma)));
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length; j++) {
      sum += gaussianOverlap(active[i], active[j], sigma) / (norms[i] * norms[j]);
      pairs++;
    }
  }
  return sum / pairs;
}

/** Σ_a Σ_b exp(−(a − b)²/(4σ²)) over sorted trains, visiting only pairs within 12σ. */
function gaussianOverlap(a: Float64Array, b: Float64Array, sigma: number): number {
  const reach = 12 * sigma;
  const scale = 1 / (4 * sigma * sigma);
  let total = 0;
  let first = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i];
    while (first < b.length && b[first] < t - reach) first++;
    for (let j = first; j < b.length && b[j] <= t + reach; j++) {
      const d = t - b[j];
      total += Math.exp(-d * d * scale);
    }
  }
  return total;
}
