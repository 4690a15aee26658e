export interface LinearFit {
  readonly slope: number;
  readonly intercept: number;
  /** Standard error of the slope from the residual scatter (NaN with fewer than three points). */
  readonly slopeError: number;
  /** Root mean square of the residuals y − (intercept + slope·x). */
  readonly residualRms: number;
}

/**
 * Ordinary least-squares line y ≈ intercept + slope·x, computed about the means so that large offsets in x do
 * not cancel. Needs at least two distinct x values.
 */
export function linearFit(x: ArrayLike<number>, y: ArrayLike<number>): LinearFit {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`linearFit: expected as many y as x values, got ${y.length} and ${n}`);
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i];
    meanY += y[i];
  }
  meanX /= n;
  meanY /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - meanX;
    sxx += dx * dx;
    sxy += dx * (y[i] - meanY);
  }
  if (!(sxx > 0 && Number.isFinite(sxx) && Number.isFinite(sxy))) {
    throw new RangeError(`linearFit: expected finite values and at least two distinct x, got ${n} points with x spread ${sxx}`);
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const residual = y[i] - (intercept + slope * x[i]);
    squares += residual * residual;
  }
  return {
    slope,
    intercept,
    slopeError: n > 2 ? Math.sqrt(squares / (n - 2) / sxx) : NaN,
    residualRms: Math.sqrt(squares / n),
  };
}
