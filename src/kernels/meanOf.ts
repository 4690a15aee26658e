export interface MeanOfOptions {
  /** Leave NaN values out of the mean (numpy's `nanmean`) instead of letting them propagate (`mean`). Default false. */
  readonly skipNaN?: boolean;
}

/**
 * Arithmetic mean, for summaries such as the population mean rate or mean CV.
 * An empty input (or, with `skipNaN`, an all-NaN one) has mean NaN.
 *
 * @param values numbers to average
 * @param options whether NaN values are skipped
 */
export function meanOf(values: ArrayLike<number>, options: MeanOfOptions = {}): number {
  let sum = 0;
  let count = 0;
  if (options.skipNaN) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      sum += v;
      count++;
    }
  } else {
    for (let i = 0; i < values.length; i++) sum += values[i];
    count = values.length;
  }
  return count === 0 ? NaN : sum / count;
}
