/**
 * The periodic Hann window of length n, w[k] = 0.5 − 0.5·cos(2πk/n) (scipy's `get_window('hann', n)`, the
 * spectral-analysis form): its n-periodic extension is smooth, so 50 %-overlapped windows sum to a constant.
 *
 * @param n window length (integer ≥ 1); n = 1 gives [1]
 */
export function hannWindow(n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`hannWindow: expected an integer length ≥ 1, got ${n}`);
  const window = new Float64Array(n);
  if (n === 1) {
    window[0] = 1;
    return window;
  }
  for (let k = 0; k < n; k++) window[k] = 0.5 - 0.5 * Math.cos((2 * Math.PI * k) / n);
  return window;
}
