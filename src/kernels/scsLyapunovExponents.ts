import { qrInPlace } from './qrInPlace.js';
import { createScsScratch, scsRk4Step } from './scsRk4Step.js';

export interface ScsLyapunovOptions {
  /** J, dense row-major n × n. */
  readonly coupling: Float64Array;
  readonly n: number;
  /** Initial state h(0), length n; advanced in place to the final state. */
  readonly state: Float64Array;
  /** k initial tangent vectors, column-major n × k (need not be orthonormal, must be independent); overwritten. */
  readonly tangents: Float64Array;
  /** Number of exponents, 1 ≤ k ≤ n. */
  readonly k: number;
  /** RK4 time step. */
  readonly dt: number;
  /** Steps discarded before averaging; the tangent vectors are evolved and renormalised through it too, so they align. */
  readonly transientSteps: number;
  /** Steps averaged over. */
  readonly steps: number;
  /** Steps between QR renormalisations (growth over one interval must stay far below overflow). */
  readonly renormEvery: number;
}

/**
 * The first k Lyapunov exponents of the SCS network by Benettin's method with repeated QR (Benettin et al. 1980;
 * Shimada & Nagashima 1979): the tangent vectors are integrated with the state, re-orthonormalised every
 * `renormEvery` steps, and λ_j is the time average of log R_jj. Returns them in QR order, which is largest first once converged (k = 1 gives λ_max).
 */
export function scsLyapunovExponents(options: ScsLyapunovOptions): Float64Array {
  const { coupling, n, state, tangents, k, dt, transientSteps, steps, renormEvery } = options;
  if (!(Number.isInteger(k) && k >= 1 && k <= n && tangents.length >= n * k && state.length >= n && coupling.length >= n * n)) {
    throw new RangeError(`scsLyapunovExponents: expected 1 ≤ k ≤ n with buffers of n·n, n and n·k values, got n ${n}, k ${k}`);
  }
  if (!(Number.isInteger(steps) && steps >= 1 && Number.isInteger(transientSteps) && transientSteps >= 0 && Number.isInteger(renormEvery) && renormEvery >= 1)) {
    throw new RangeError(`scsLyapunovExponents: expected integer steps ≥ 1, transientSteps ≥ 0, renormEvery ≥ 1, got ${steps}, ${transientSteps}, ${renormEvery}`);
  }
  if (!(dt > 0)) throw new RangeError(`scsLyapunovExponents: expected dt > 0, got ${dt}`);
  const scratch = createScsScratch(n, k);
  const logR = new Float64Array(k);
  const sums = new Float64Array(k);
  qrInPlace(tangents, n, k, logR);
  for (let step = 1; step <= transientSteps; step++) {
    scsRk4Step(coupling, state, tangents, dt, scratch);
    if (step % renormEvery === 0 || step === transientSteps) qrInPlace(tangents, n, k, logR);
  }
  for (let step = 1; step <= steps; step++) {
    scsRk4Step(coupling, state, tangents, dt, scratch);
    if (step % renormEvery === 0 || step === steps) {
      qrInPlace(tangents, n, k, logR);
      for (let j = 0; j < k; j++) sums[j] += logR[j];
    }
  }
  const duration = steps * dt;
  for (let j = 0; j < k; j++) sums[j] /= duration;
  return sums;
}
