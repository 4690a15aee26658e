import { lastValueFrom } from 'rxjs';
import type { Progress } from '../src/core/command.js';
import { invalidParameter } from '../src/core/errors.js';
import type { ParamSpec } from '../src/core/params.js';
import { stepsOf } from '../src/core/run.js';
import { ScsRateEngine } from '../src/engines/scsRateEngine.js';
import type { Csr } from '../src/network/csr.js';
import { gaussianCoupling } from '../src/network/gaussianCoupling.js';
import { collectState, type CollectedState } from '../src/operators/collectState.js';
import { populationAutocorrelation, type PopulationAutocorrelation } from '../src/operators/populationAutocorrelation.js';
import { selectNeurons } from '../src/operators/selectNeurons.js';
import { RandomStreams } from '../src/random/stream.js';
import { driveFrames } from './driveFrames.js';

/**
 * Integration flags of the SCS network. Time is in units of the unit time constant τ (dh/dt = −h + J·tanh h),
 * so these are plain numbers.
 */
export const scsIntegrationParams: readonly ParamSpec[] = [
  { name: 'T', kind: 'number', min: 0, default: 2000, description: 'averaging time of the Lyapunov exponents, in units of τ (a multiple of dt)' },
  { name: 'transient', kind: 'number', min: 0, minInclusive: true, default: 100, description: 'time discarded before averaging (state and tangent vectors are evolved through it), in units of τ' },
  { name: 'dt', kind: 'number', min: 0, default: 0.1, description: 'RK4 step, in units of τ' },
  { name: 'renorm-every', kind: 'number', min: 0, default: 1, description: 'time between QR renormalisations of the tangent vectors, in units of τ (a multiple of dt)' },
];

export interface ScsRunOptions {
  readonly n: number;
  readonly g: number;
  /** Master seed of the named streams (a string for derived seeds, e.g. a sweep's further realizations). */
  readonly seed: number | string;
  /** Averaging time after the transient, in units of τ. */
  readonly duration: number;
  readonly transient: number;
  readonly dt: number;
  readonly renormEvery: number;
  /** Number of Lyapunov exponents (tangent vectors). */
  readonly exponents: number;
  /** J to use instead of drawing it from the `connectivity` stream (dense row-major n × n, J_ij input to i from j). */
  readonly coupling?: Float64Array;
  /** Record h for Δ(τ) and traces every this much time (0: record nothing). */
  readonly sampleEvery?: number;
  /** Longest lag of Δ(τ). */
  readonly maxLag?: number;
  /** Units whose h is kept for traces, and for how long after the transient. */
  readonly traceUnits?: readonly number[];
  readonly traceDuration?: number;
  /** Record the running λ estimates every this much time (default: never). */
  readonly convergenceEvery?: number;
  readonly progress?: Progress;
}

export interface ScsRunResult {
  /** The first k Lyapunov exponents in 1/τ, largest first. */
  readonly exponents: Float64Array;
  readonly autocorrelation?: PopulationAutocorrelation;
  readonly traces?: CollectedState;
  /** Running estimate of λ_max against averaging time. */
  readonly convergence: { readonly t: Float64Array; readonly lambdaMax: Float64Array };
  readonly simulationSeconds: number;
  /** The network and initial state the run used, for export. */
  readonly coupling: Float64Array;
  readonly h0: Float64Array;
}

/** Checks the timing of a run before anything is computed; every duration must be a whole number of steps. */
export function checkScsTiming(options: Pick<ScsRunOptions, 'duration' | 'transient' | 'dt' | 'renormEvery'>): { steps: number; renormSteps: number } {
  const steps = stepsOf('T', options.duration, options.dt);
  if (steps < 1) throw invalidParameter('T', options.duration, `at least one step of dt = ${options.dt}`);
  stepsOf('transient', options.transient, options.dt);
  const renormSteps = stepsOf('renorm-every', options.renormEvery, options.dt);
  if (renormSteps < 1) throw invalidParameter('renorm-every', options.renormEvery, `at least one step of dt = ${options.dt}`);
  return { steps, renormSteps };
}

/**
 * One SCS network: J from the `connectivity` stream (J_ij = g·z_ij/√N, J_ii = 0) unless given, h(0) ~ N(0, 1) from `init`, the k
 * tangent vectors from `tangent`. The engine runs through the transient, starts averaging, then runs T more while
 * h streams as state frames into the population autocorrelation and the trace collector; λ's come from the
 * engine's tangent dynamics (Benettin with QR).
 */
export async function runScs(options: ScsRunOptions): Promise<ScsRunResult> {
  const { n, g, seed, duration, transient, dt, exponents: k } = options;
  const { renormSteps } = checkScsTiming(options);
  const streams = new RandomStreams(seed);
  const coupling = options.coupling ?? gaussianCoupling(n, g, streams.stream('connectivity'));
  const h0 = streams.stream('init').fillNormal(new Float64Array(n));
  const tangents0 = streams.stream('tangent').fillNormal(new Float64Array(n * k));
  const engine = new ScsRateEngine({ coupling, n, dt, h0, tangents0, renormEvery: renormSteps });
  const chunk = Math.max(1, Math.round(5 / dt)) * dt;
  const total = transient + duration;
  const started = performance.now();
  const progress = options.progress;
  const report = (t1: number) => progress?.update(Math.min(total, t1), total, 'τ simulated');
  if (transient > 0) {
    await driveFrames(engine, { duration: transient, chunk }, async () => undefined, (frame) => frame.kind === 'spikes' && report(frame.t1));
  }
  engine.startAveraging();
  const sampleEvery = options.sampleEvery ?? 0;
  const traceUnits = options.traceUnits ?? [];
  const convergenceEvery = options.convergenceEvery ?? 0;
  const record = sampleEvery > 0 ? [{ variable: 'h', neurons: 'all' as const, every: sampleEvery }] : [];
  const times: number[] = [];
  const estimates: number[] = [];
  let nextCheck = convergenceEvery > 0 ? transient + convergenceEvery : Infinity;
  const [autocorrelation, traces] = await driveFrames(
    engine,
    { duration, chunk: convergenceEvery > 0 ? Math.min(chunk, Math.max(1, Math.round(convergenceEvery / dt)) * dt) : chunk, record },
    (frames) =>
      Promise.all([
        sampleEvery > 0 ? lastValueFrom(frames.pipe(populationAutocorrelation('h', { maxLag: options.maxLag ?? 20 }))) : Promise.resolve(undefined),
        sampleEvery > 0 && traceUnits.length > 0
          ? lastValueFrom(frames.pipe(selectNeurons(traceUnits), collectState('h', { until: transient + (options.traceDuration ?? duration) })))
          : Promise.resolve(undefined),
      ]),
    (frame) => {
      if (frame.kind !== 'spikes') return;
      report(frame.t1);
      // chunks end on the step grid; the estimate at a chunk end reads the engine without changing it
      if (frame.t1 >= nextCheck - dt / 2) {
        times.push(frame.t1 - transient);
        estimates.push(engine.exponents()[0]);
        nextCheck += convergenceEvery;
      }
    },
  );
  return {
    exponents: engine.exponents(),
    ...(autocorrelation ? { autocorrelation } : {}),
    ...(traces ? { traces } : {}),
    convergence: { t: Float64Array.from(times), lambdaMax: Float64Array.from(estimates) },
    simulationSeconds: (performance.now() - started) / 1000,
    coupling,
    h0,
  };
}

/** J as an edge list by presynaptic unit: edge j → i with weight J_ij for every i ≠ j (the form `writeEdgeList` takes). */
export function couplingToCsr(coupling: Float64Array, n: number): Csr {
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(n * (n - 1));
  const weights = new Float64Array(n * (n - 1));
  let k = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      if (i === j) continue;
      targets[k] = i;
      weights[k++] = coupling[i * n + j];
    }
    offsets[j + 1] = k;
  }
  return { size: n, offsets, targets, weights };
}

/** A dense J from an edge list (pre j → post i, weight J_ij); absent pairs are 0 and repeated pairs add up. */
export function couplingFromCsr(csr: Csr, source: string): Float64Array {
  const n = csr.size;
  if (!csr.weights) throw invalidParameter('network', source, 'an edge list with a weight column (J_ij of edge j → i)');
  const coupling = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let k = csr.offsets[j]; k < csr.offsets[j + 1]; k++) coupling[csr.targets[k] * n + j] += csr.weights[k];
  }
  return coupling;
}
