/**
 * Precomputed tables of a radix-2 FFT of length n: the bit-reversal permutation and the twiddle factors
 * cos(2πk/n), sin(2πk/n) for k < n/2, computed directly (not by recurrence) so that their error does not grow with n.
 */
export interface FftPlan {
  readonly n: number;
  readonly bitReversed: Int32Array;
  readonly cos: Float64Array;
  readonly sin: Float64Array;
}

/** True for 1, 2, 4, 8, … */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0 && n <= 2 ** 30;
}

/** The smallest power of two ≥ n (n ≥ 1). */
export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Tables for transforms of length `n`, a power of two up to 2^30. */
export function fftPlan(n: number): FftPlan {
  if (!isPowerOfTwo(n)) throw new RangeError(`fftPlan: expected a power of two length, got ${n}`);
  const bits = Math.round(Math.log2(n));
  const bitReversed = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let reversed = 0;
    for (let b = 0, x = i; b < bits; b++, x >>= 1) reversed = (reversed << 1) | (x & 1);
    bitReversed[i] = reversed;
  }
  const half = n >> 1;
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = Math.sin((2 * Math.PI * k) / n);
  }
  return { n, bitReversed, cos, sin };
}

/**
 * Forward discrete Fourier transform in place, X[k] = Σ_j x[j]·e^{−2πijk/n}, by the iterative radix-2
 * Cooley–Tukey algorithm (Cooley & Tukey 1965): bit-reversal reordering, then log2(n) passes of butterflies.
 *
 * @param plan tables for the length of `re` and `im`
 * @param re real parts, replaced by those of the transform
 * @param im imaginary parts, replaced by those of the transform
 */
export function fftInPlace(plan: FftPlan, re: Float64Array, im: Float64Array): void {
  const { n, bitReversed, cos, sin } = plan;
  if (re.length !== n || im.length !== n) {
    throw new RangeError(`fftInPlace: expected re and im of length ${n}, got ${re.length} and ${im.length}`);
  }
  for (let i = 0; i < n; i++) {
    const j = bitReversed[i];
    if (j > i) {
      const r = re[i];
      re[i] = re[j];
      re[j] = r;
      const m = im[i];
      im[i] = im[j];
      im[j] = m;
    }
  }
  for (let size = 2; size <= n; size *= 2) {
    const half = size >> 1;
    const stride = n / size;
    for (let start = 0; start < n; start += size) {
      for (let j = 0; j < half; j++) {
        const c = cos[j * stride];
        const s = sin[j * stride];
        const a = start + j;
        const b = a + half;
        // Multiply by the twiddle e^{−2πi·j/size} = c − i·s.
        const tr = re[b] * c + im[b] * s;
        const ti = im[b] * c - re[b] * s;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
}
