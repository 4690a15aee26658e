import type { Engine, EngineState, SpikeRecorder } from '../core/engine.js';
import { invalidParameter } from '../core/errors.js';
import { qrInPlace } from '../kernels/qrInPlace.js';
import { createScsScratch, scsRk4Step, type ScsScratch } from '../kernels/scsRk4Step.js';

export interface ScsRateEngineOptions {
  /** J, dense row-major n × n (`J[i * n + j]`, input to i from j); shared, not copied. */
  readonly coupling: Float64Array;
  readonly n: number;
  /** RK4 step in units of the time constant τ = 1. */
  readonly dt: number;
  /** h at step 0 (copied). */
  readonly h0: Float64Array;
  /**
   * k initial tangent vectors, column-major n × k (vector c at `[c * n, c * n + n)`; copied), for the first k
   * Lyapunov exponents; omitted or empty: the state alone is integrated.
   */
  readonly tangents0?: Float64Array;
  /** Steps between QR renormalisations of the tangent vectors (default 10). */
  readonly renormEvery?: number;
}

/**
 * The random rate network of Sompolinsky, Crisanti & Sommers (1988), dh/dt = −h + J·tanh(h), integrated by RK4
 * together with k tangent vectors dv/dt = (−1 + J·diag(tanh′(h)))·v for Benettin's method with repeated QR
 * (Benettin et al. 1980; Shimada & Nagashima 1979). The vectors are re-orthonormalised every `renormEvery` steps,
 * counted from step 0 and, once `startAveraging` is called, from that step; from then on the logs of the QR
 * diagonal are summed, and `exponents()` returns their time averages. The schedule depends only on step numbers,
 * so results are identical however the run is chunked, and equal to `scsLyapunovExponents` over the same steps.
 * Variables: `h` (the local fields) and `rate` (tanh h, computed when read). No spikes.
 */
export class ScsRateEngine implements Engine {
  readonly size: number;
  readonly dt: number;
  readonly variables = ['h', 'rate'] as const;
  /** Number of tangent vectors (Lyapunov exponents tracked). */
  readonly k: number;
  readonly renormEvery: number;
  step = 0;
  private readonly coupling: Float64Array;
  private readonly h: Float64Array;
  private readonly rate: Float64Array;
  private readonly tangents: Float64Array;
  private readonly logR: Float64Array;
  private readonly sums: Float64Array;
  private readonly scratch: ScsScratch;
  /** Step from which the renormalisation schedule counts. */
  private origin = 0;
  /** Step of the latest renormalisation. */
  private renormalisedAt = 0;
  /** Step at which averaging started, or −1 before `startAveraging`. */
  private averagingFrom = -1;

  constructor(options: ScsRateEngineOptions) {
    const { coupling, n, dt, h0 } = options;
    const tangents0 = options.tangents0 ?? new Float64Array(0);
    const renormEvery = options.renormEvery ?? 10;
    if (!(Number.isInteger(n) && n >= 1 && coupling.length === n * n)) throw invalidParameter('coupling', `${coupling.length} values`, `n·n = ${n * n} values`);
    if (h0.length !== n) throw invalidParameter('h0', `${h0.length} values`, `${n} values, one per unit`);
    if (!(dt > 0 && Number.isFinite(dt))) throw invalidParameter('dt', dt, 'a positive finite step');
    if (tangents0.length % n !== 0 || tangents0.length / n > n) throw invalidParameter('tangents', `${tangents0.length} values`, `k·n values with 0 ≤ k ≤ n = ${n}`);
    if (!(Number.isInteger(renormEvery) && renormEvery >= 1)) throw invalidParameter('renorm-every', renormEvery, 'an integer ≥ 1');
    this.size = n;
    this.dt = dt;
    this.k = tangents0.length / n;
    this.renormEvery = renormEvery;
    this.coupling = coupling;
    this.h = Float64Array.from(h0);
    this.rate = new Float64Array(n);
    this.tangents = Float64Array.from(tangents0);
    this.logR = new Float64Array(this.k);
    this.sums = new Float64Array(this.k);
    this.scratch = createScsScratch(n, this.k);
    if (this.k > 0) qrInPlace(this.tangents, n, this.k, this.logR);
  }

  variable(name: string): Float64Array {
    if (name === 'h') return this.h;
    if (name === 'rate') {
      const { h, rate } = this;
      for (let i = 0; i < h.length; i++) rate[i] = Math.tanh(h[i]);
      return rate;
    }
    throw invalidParameter('record', name, 'a variable of the SCS rate network: h, rate');
  }

  advance(steps: number, _spikes: SpikeRecorder): void {
    if (this.k === 0) this.advanceState(steps);
    else this.advanceTangents(steps);
  }

  private advanceState(steps: number): void {
    const { coupling, h, tangents, dt, scratch } = this;
    const end = this.step + steps;
    for (let step = this.step; step < end; step++) scsRk4Step(coupling, h, tangents, dt, scratch);
    this.step = end;
  }

  private advanceTangents(steps: number): void {
    const { coupling, h, tangents, dt, scratch, logR, sums, size, k, renormEvery } = this;
    const averaging = this.averagingFrom >= 0;
    const end = this.step + steps;
    for (let step = this.step + 1; step <= end; step++) {
      scsRk4Step(coupling, h, tangents, dt, scratch);
      if ((step - this.origin) % renormEvery !== 0) continue;
      qrInPlace(tangents, size, k, logR);
      this.renormalisedAt = step;
      if (averaging) for (let j = 0; j < k; j++) sums[j] += logR[j];
    }
    this.step = end;
  }

  /**
   * Ends the transient: renormalises the tangent vectors (unless that just happened), clears the sums and restarts
   * the schedule here, so that `exponents()` averages from this step on.
   */
  startAveraging(): void {
    if (this.k === 0) throw invalidParameter('exponents', 0, 'at least one tangent vector to average');
    if (this.renormalisedAt !== this.step) {
      qrInPlace(this.tangents, this.size, this.k, this.logR);
      this.renormalisedAt = this.step;
    }
    this.sums.fill(0);
    this.origin = this.step;
    this.averagingFrom = this.step;
  }

  /**
   * The first k Lyapunov exponents (in 1/τ, QR order: largest first once converged) averaged since
   * `startAveraging`. Growth since the latest renormalisation is included through a QR of a copy, so reading
   * never changes the run.
   */
  exponents(): Float64Array {
    const { k, size, step } = this;
    if (this.averagingFrom < 0) throw invalidParameter('exponents', 'before startAveraging()', 'a call after startAveraging()');
    const elapsed = (step - this.averagingFrom) * this.dt;
    if (!(elapsed > 0)) throw invalidParameter('exponents', 'no averaging time', 'at least one step after startAveraging()');
    const result = Float64Array.from(this.sums);
    if (this.renormalisedAt !== step) {
      const copy = Float64Array.from(this.tangents);
      const logR = new Float64Array(k);
      qrInPlace(copy, size, k, logR);
      for (let j = 0; j < k; j++) result[j] += logR[j];
    }
    for (let j = 0; j < k; j++) result[j] /= elapsed;
    return result;
  }

  saveState(): EngineState {
    return {
      step: this.step,
      arrays: { h: Float64Array.from(this.h), tangents: Float64Array.from(this.tangents), sums: Float64Array.from(this.sums) },
      values: { origin: this.origin, renormalisedAt: this.renormalisedAt, averagingFrom: this.averagingFrom },
    };
  }

  restoreState(state: EngineState): void {
    this.h.set(state.arrays.h as Float64Array);
    this.tangents.set(state.arrays.tangents as Float64Array);
    this.sums.set(state.arrays.sums as Float64Array);
    this.origin = state.values.origin as number;
    this.renormalisedAt = state.values.renormalisedAt as number;
    this.averagingFrom = state.values.averagingFrom as number;
    this.step = state.step;
  }
}
