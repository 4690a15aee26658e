import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import { invalidParameter } from '../src/core/errors.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { divergenceThreshold, phaseResolution } from '../src/kernels/divergenceThreshold.js';
import { fitLogistic, logisticValue, type LogisticFit } from '../src/kernels/logisticFit.js';
import { formatNumber } from '../src/figures/formatNumber.js';
import { renderFigure } from '../src/figures/render.js';
import { xySpec } from '../src/figures/xySpec.js';
import { mapInWorkers, shareTypedArray } from '../src/pool/pool.js';
import { writeColumnTable } from '../pipelines/columnTable.js';
import { sampleGrid } from '../pipelines/pairRun.js';
import { shareStudyNetwork, type DirectionTask, type PerturbedRunResult, type PerturbedRunShared } from '../pipelines/perturbedRun.js';
import { DIVERGENCE_RULE, describeReferenceRun, referenceRun } from '../pipelines/referenceRun.js';
import { describeStudyNetwork, studyNetwork, studyNetworkParams, type StudyNetwork } from '../pipelines/studyNetwork.js';

export const divergenceParams: readonly ParamSpec[] = [
  ...studyNetworkParams,
  { name: 'eps-min', kind: 'number', min: 0, default: 1e-5, description: 'smallest perturbation size ε' },
  { name: 'eps-max', kind: 'number', min: 0, default: 1, description: 'largest perturbation size ε' },
  { name: 'eps-count', kind: 'integer', min: 1, minInclusive: true, default: 15, description: 'number of ε values, evenly spaced in log ε' },
  { name: 'realizations', kind: 'integer', min: 1, minInclusive: true, default: 50, description: 'perturbation directions per ε (realization k draws from the stream perturbation/<k>)' },
  { name: 'T', kind: 'number', dimension: 'time', min: 0, default: 0.2, displayUnit: 's', description: 'simulated time after each perturbation' },
  { name: 'every', kind: 'number', dimension: 'time', min: 0, default: 0.001, displayUnit: 'ms', description: 'time between the D_φ(t) samples kept per run, a divisor of T' },
];

export interface DivergenceOptions {
  readonly eps: Float64Array;
  readonly realizations: number;
  readonly duration: number;
  readonly every: number;
}

export interface DivergenceResult {
  readonly eps: Float64Array;
  readonly pDiverge: Float64Array;
  readonly fit: LogisticFit;
  /** ε at P = 1/2 from the logistic fit in log10 ε; NaN when the data hold no transition. */
  readonly epsFt: number;
  readonly summary: Record<string, unknown>;
}

/** n values evenly spaced in log between `low` and `high` (just `low` for n = 1). */
export function logSpaced(low: number, high: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const a = Math.log10(low);
  const b = Math.log10(high);
  for (let i = 0; i < count; i++) out[i] = count === 1 ? low : 10 ** (a + ((b - a) * i) / (count - 1));
  return out;
}

/**
 * Task 5 of seed 000: for every ε and realization k, perturbs the settled state by ε·r_k in phase space, runs it
 * for T on the worker pool against the recorded reference, and decides decay or growth by the rule of
 * {@link divergenceThreshold} (final L2 distance above √(d(0)·G·d_unrelated), with G the measured decay of an
 * infinitesimal perturbation). P(diverge) per ε is
 * fitted with a logistic curve in log10 ε, whose midpoint is ε_ft, the size of the flux tubes.
 * Writes `divergence.parquet` (one row per run), `divergence_traces.parquet` (D_φ(t) of every run) and figures.
 */
export async function divergenceStudy(network: StudyNetwork, options: DivergenceOptions, context: RunContext): Promise<DivergenceResult> {
  const { eps, realizations, duration, every } = options;
  const { config } = network;
  const reference = await referenceRun(network, { duration, every, record: true });
  const tasks: DirectionTask[] = [];
  for (const e of eps) for (let k = 0; k < realizations; k++) tasks.push({ eps: e, realization: k });
  const shared: PerturbedRunShared = { network: shareStudyNetwork(network), settled: shareTypedArray(reference.settled), duration, reference: reference.reference };
  const started = performance.now();
  const results = await mapInWorkers<DirectionTask, PerturbedRunResult>(new URL('./perturbedRunWorker.js', import.meta.url), tasks, {
    workers: network.workers,
    progress: context.progress,
    workerData: shared,
  });
  const runsWall = (performance.now() - started) / 1000;

  const runs = tasks.length;
  const samples = reference.unrelated.times.length;
  const column = {
    eps: new Float64Array(runs),
    realization: new Int32Array(runs),
    d_initial: new Float64Array(runs),
    d_final: new Float64Array(runs),
    d_initial_mean_abs: new Float64Array(runs),
    d_final_mean_abs: new Float64Array(runs),
    threshold: new Float64Array(runs),
    diverged: new Int32Array(runs),
    clamped: new Int32Array(runs),
  };
  const traces = { eps: new Float64Array(runs * samples), realization: new Int32Array(runs * samples), t: new Float64Array(runs * samples), d_l2: new Float64Array(runs * samples), d_mean_abs: new Float64Array(runs * samples) };
  const divergedCount = new Float64Array(eps.length);
  let decayedWorst = 0;
  let divergedWorst = Infinity;
  for (let r = 0; r < runs; r++) {
    const { l2, meanAbs, clamped } = results[r] as Required<PerturbedRunResult>;
    const initial = l2[0];
    const final = l2[samples - 1];
    const threshold = divergenceThreshold(initial, reference.decayFactor, reference.unrelatedL2, phaseResolution(reference.size));
    const diverged = final > threshold;
    column.eps[r] = tasks[r].eps;
    column.realization[r] = tasks[r].realization;
    column.d_initial[r] = initial;
    column.d_final[r] = final;
    column.d_initial_mean_abs[r] = meanAbs[0];
    column.d_final_mean_abs[r] = meanAbs[samples - 1];
    column.threshold[r] = threshold;
    column.diverged[r] = diverged ? 1 : 0;
    column.clamped[r] = clamped;
    if (diverged) {
      divergedCount[Math.floor(r / realizations)]++;
      divergedWorst = Math.min(divergedWorst, final / reference.unrelatedL2);
    } else {
      decayedWorst = Math.max(decayedWorst, final / (initial * reference.decayFactor));
    }
    const base = r * samples;
    traces.eps.fill(tasks[r].eps, base, base + samples);
    traces.realization.fill(tasks[r].realization, base, base + samples);
    traces.t.set(reference.unrelated.times, base);
    traces.d_l2.set(l2, base);
    traces.d_mean_abs.set(meanAbs, base);
  }
  const pDiverge = divergedCount.map((count) => count / realizations);
  const fit = fitLogistic(
    Array.from(eps, (e) => Math.log10(e)),
    divergedCount,
    Array.from(eps, () => realizations),
  );
  const epsFt = 10 ** fit.midpoint;
  await writeColumnTable(join(context.out, 'divergence.parquet'), column);
  await writeColumnTable(join(context.out, 'divergence_traces.parquet'), traces);

  const figures: string[] = [];
  if (context.figures) {
    figures.push('divergence_probability.png', 'distance_traces.png');
    await renderFigure(probabilityFigure(eps, pDiverge, fit, realizations, duration), join(context.out, figures[0]));
    await renderFigure(tracesFigure(eps, realizations, samples, traces, reference.unrelatedL2), join(context.out, figures[1]));
  }
  const summary = {
    ...describeStudyNetwork(network),
    T: duration,
    every,
    realizations,
    runs,
    eps,
    p_diverge: pDiverge,
    eps_ft: Number.isFinite(epsFt) ? epsFt : null,
    fit: {
      log10_eps_ft: Number.isFinite(fit.midpoint) ? fit.midpoint : null,
      width_decades: Number.isFinite(fit.scale) ? fit.scale : null,
      rise_10_90_decades: Number.isFinite(fit.scale) ? 2 * Math.log(9) * fit.scale : null,
      separated: fit.separated,
      log_likelihood: fit.logLikelihood,
    },
    rule: DIVERGENCE_RULE,
    ...describeReferenceRun(reference, duration),
    leak_rate_per_s: 1 / config.tauM,
    // how far each class stays from the threshold: decayed runs end at most this multiple of the probe's decay,
    // diverged runs at least this fraction of the unrelated distance
    decayed_max_ratio_to_probe_decay: decayedWorst,
    diverged_min_ratio_to_unrelated: Number.isFinite(divergedWorst) ? divergedWorst : null,
    clamped_neurons_total: column.clamped.reduce((a, b) => a + b, 0),
    runs_wall_s: runsWall,
    figures,
  };
  return { eps, pDiverge, fit, epsFt, summary };
}

function probabilityFigure(eps: Float64Array, pDiverge: Float64Array, fit: LogisticFit, realizations: number, duration: number) {
  const series: Parameters<typeof xySpec>[0]['series'][number][] = [{ name: `measured (${realizations} realizations)`, x: eps, y: pDiverge, mark: 'point' }];
  if (Number.isFinite(fit.midpoint)) {
    const lo = Math.log10(eps[0]);
    const hi = Math.log10(eps[eps.length - 1]);
    const x = Array.from({ length: 200 }, (_, i) => lo + ((hi - lo) * i) / 199);
    series.push({ name: `logistic fit, ε_ft = ${formatNumber(10 ** fit.midpoint)}`, x: x.map((v) => 10 ** v), y: x.map((v) => logisticValue(fit, v)), mark: 'line', dash: true });
  }
  return xySpec({ series, xLabel: 'perturbation size ε', yLabel: 'P(divergence)', logX: eps.length > 1 && eps[eps.length - 1] > eps[0], title: `Divergence probability after T = ${duration * 1000} ms` });
}

function tracesFigure(eps: Float64Array, realizations: number, samples: number, traces: { t: Float64Array; d_l2: Float64Array }, unrelatedL2: number) {
  const shown = Math.min(eps.length, 6);
  const series: Parameters<typeof xySpec>[0]['series'][number][] = [];
  for (let s = 0; s < shown; s++) {
    const i = shown === 1 ? 0 : Math.round((s * (eps.length - 1)) / (shown - 1));
    const base = i * realizations * samples;
    series.push({ name: `ε = ${formatNumber(eps[i], 2)}`, x: Array.from(traces.t.subarray(base, base + samples), (t) => t * 1000), y: traces.d_l2.subarray(base, base + samples), mark: 'line' });
  }
  const end = traces.t[samples - 1] * 1000;
  series.push({ name: 'unrelated states', x: [0, end], y: [unrelatedL2, unrelatedL2], mark: 'line', dash: true });
  return xySpec({ series, xLabel: 'time after the perturbation (ms)', yLabel: 'D_φ, L2 norm', logY: true, title: 'D_φ(t) of realization 0 for several ε' });
}

/** Reads and cross-checks the divergence flags (before any simulation). */
export function divergenceOptions(values: ParamValues): DivergenceOptions {
  const low = numberParam(values, 'eps-min');
  const high = numberParam(values, 'eps-max');
  if (!(low <= high)) throw invalidParameter('eps-min', low, `at most eps-max = ${high}`);
  const duration = numberParam(values, 'T');
  const every = numberParam(values, 'every');
  sampleGrid(numberParam(values, 'dt'), { duration, every });
  return { eps: logSpaced(low, high, numberParam(values, 'eps-count')), realizations: numberParam(values, 'realizations'), duration, every };
}

export const divergence: CommandDef = {
  name: 'divergence',
  description: 'probability that a perturbation of size ε leaves its flux tube, and the flux-tube size ε_ft (seed 000, task 5)',
  params: divergenceParams,
  prepare(values: ParamValues) {
    const options = divergenceOptions(values);
    const network = studyNetwork(values);
    return {
      async run(context: RunContext) {
        return { ...(await divergenceStudy(network, options, context)).summary, params: values };
      },
    };
  },
};
