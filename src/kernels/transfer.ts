/** The transfer (rate) functions of the E–I rate model. */
export type TransferKind = 'linear' | 'threshold-linear' | 'sigmoid';

/**
 * One population's transfer function. `gain` (a) and `threshold` (θ) are used by the sigmoid only.
 * The sigmoid is the Wilson–Cowan form f(x) = 1/(1 + e^(−a(x−θ))) − 1/(1 + e^(aθ)), shifted so that f(0) = 0.
 */
export interface TransferFunction {
  readonly kind: TransferKind;
  readonly gain: number;
  readonly threshold: number;
}

/** The logistic function 1/(1 + e^(−z)), written so that neither branch overflows. */
function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** f(x). */
export function transferValue(fn: TransferFunction, x: number): number {
  switch (fn.kind) {
    case 'linear':
      return x;
    case 'threshold-linear':
      return x > 0 ? x : 0;
    case 'sigmoid':
      return logistic(fn.gain * (x - fn.threshold)) - logistic(-fn.gain * fn.threshold);
  }
}

/**
 * f′(x). For threshold-linear the slope at the kink x = 0 is taken as 0 (the inactive side),
 * matching `transferValue`, which treats x = 0 as inactive.
 */
export function transferSlope(fn: TransferFunction, x: number): number {
  switch (fn.kind) {
    case 'linear':
      return 1;
    case 'threshold-linear':
      return x > 0 ? 1 : 0;
    case 'sigmoid': {
      const z = fn.gain * (x - fn.threshold);
      // a·s(z)·s(−z) rather than a·s·(1 − s): keeps full relative precision in both tails.
      return fn.gain * logistic(z) * logistic(-z);
    }
  }
}

/**
 * The closed range [lo, hi] that contains every value of f (the open range for the sigmoid,
 * whose bounds are approached but never reached): every fixed point lies in the product of the ranges.
 */
export function transferRange(fn: TransferFunction): readonly [number, number] {
  switch (fn.kind) {
    case 'linear':
      return [-Infinity, Infinity];
    case 'threshold-linear':
      return [0, Infinity];
    case 'sigmoid': {
      const offset = logistic(-fn.gain * fn.threshold);
      return [-offset, 1 - offset];
    }
  }
}
