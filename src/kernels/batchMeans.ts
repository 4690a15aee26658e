export interface BatchMeans {
  /** The overall rate S(t_end)/t_end. */
  readonly mean: number;
  /** Standard error of the mean from the scatter of the batch rates, sd/√batches (NaN with one batch). */
  readonly standardError: number;
  /** Rate (ΔS/Δt) of each batch. */
  readonly batchRates: Float64Array;
}

/**
 * The method of batch means for a time average (e.g. a Lyapunov exponent, the time average of log-stretching):
 * from a cumulative sum S sampled at increasing times t (S = 0 at t = 0), cut the samples into `batches`
 * consecutive groups of equal count, take each group's rate ΔS/Δt, and estimate the standard error of the overall
 * rate from their scatter. Valid when batches are longer than the correlation time of the increments.
 *
 * @param times increasing sample times, all > 0
 * @param cumulative S at those times
 * @param batches number of groups (≥ 1, at most the number of samples)
 */
export function batchMeans(times: ArrayLike<number>, cumulative: ArrayLike<number>, batches: number): BatchMeans {
  const n = times.length;
  if (cumulative.length !== n) throw new RangeError(`batchMeans: expected as many sums as times, got ${cumulative.length} and ${n}`);
  if (!(Number.isInteger(batches) && batches >= 1 && batches <= n)) throw new RangeError(`batchMeans: expected 1 ≤ batches ≤ ${n} samples, got ${batches}`);
  const per = Math.floor(n / batches);
  const rates = new Float64Array(batches);
  let startTime = 0;
  let startSum = 0;
  for (let b = 0; b < batches; b++) {
    // the last batch takes the remainder, so the batches tile the whole record
    const end = b === batches - 1 ? n - 1 : (b + 1) * per - 1;
    rates[b] = (cumulative[end] - startSum) / (times[end] - startTime);
    startTime = times[end];
    startSum = cumulative[end];
  }
  let mean = 0;
  for (let b = 0; b < batches; b++) mean += rates[b];
  mean /= batches;
  let squares = 0;
  for (let b = 0; b < batches; b++) squares += (rates[b] - mean) ** 2;
  return {
    mean: cumulative[n - 1] / times[n - 1],
    standardError: batches > 1 ? Math.sqrt(squares / (batches - 1) / batches) : NaN,
    batchRates: rates,
  };
}
