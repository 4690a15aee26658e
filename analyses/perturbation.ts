import { tap } from 'rxjs';
import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { applyPhaseShift } from '../src/kernels/applyPhaseShift.js';
import { divergenceThreshold, phaseResolution } from '../src/kernels/divergenceThreshold.js';
import { formatNumber } from '../src/figures/formatNumber.js';
import { renderFigure } from '../src/figures/render.js';
import { xySpec } from '../src/figures/xySpec.js';
import { writeColumnTable } from '../pipelines/columnTable.js';
import { distanceTrace, runPair, sampleGrid, type DistanceTrace } from '../pipelines/pairRun.js';
import { perturbationDirection } from '../pipelines/perturbedRun.js';
import { DIVERGENCE_RULE, describeReferenceRun, referenceRun, type ReferenceRun } from '../pipelines/referenceRun.js';
import { describeStudyNetwork, studyEngine, studyNetwork, studyNetworkParams, type StudyNetwork } from '../pipelines/studyNetwork.js';

export const perturbationParams: readonly ParamSpec[] = [
  ...studyNetworkParams,
  { name: 'eps', kind: 'number', min: 0, default: 0.01, description: 'size ε of the perturbation: the phase shift ε·r with |r|₂ = 1' },
  { name: 'realization', kind: 'integer', min: 0, minInclusive: true, default: 0, description: 'k of the direction r, drawn from the random stream perturbation/<k>' },
  { name: 'T', kind: 'number', dimension: 'time', min: 0, default: 0.2, displayUnit: 's', description: 'simulated time after the perturbation' },
  { name: 'every', kind: 'number', dimension: 'time', min: 0, displayUnit: 'ms', description: 'time between distance samples, a divisor of T (default: every step)' },
];

export interface PerturbationOptions {
  readonly eps: number;
  readonly realization: number;
  readonly duration: number;
  readonly every?: number;
}

export interface PerturbationResult {
  readonly trace: DistanceTrace;
  readonly summary: Record<string, unknown>;
  readonly figures: string[];
}

/**
 * Task 3 of seed 000: settles the network, perturbs the settled state by ε·r in phase space, runs the reference
 * and the perturbed trajectory in lockstep and measures D_φ(t) at every sample, deciding decay or growth by the
 * rule of {@link divergenceThreshold} against the reference levels of {@link referenceRun}. Writes `distance.parquet` (t, d_l2, d_mean_abs) and `distance.png` into `out`.
 */
export async function perturbationStudy(network: StudyNetwork, options: PerturbationOptions, context: RunContext): Promise<PerturbationResult> {
  const { eps, realization, duration, every } = options;
  const { config, phase } = network;
  const reference = await referenceRun(network, { duration, every });
  const start = new Float64Array(config.size);
  const shift = perturbationDirection(network.seed, realization, config.size);
  for (let i = 0; i < shift.length; i++) shift[i] *= eps;
  const clamped = applyPhaseShift(phase, reference.settled, shift, start);
  const frames = runPair(studyEngine(network, reference.settled), studyEngine(network, start), { duration, every, phase }).pipe(
    tap((frame) => context.progress.update(frame.t1, duration, 's simulated')),
  );
  const trace = await distanceTrace(frames);
  const last = trace.l2.length - 1;
  const threshold = divergenceThreshold(trace.l2[0], reference.decayFactor, reference.unrelatedL2, phaseResolution(reference.size));
  await writeColumnTable(join(context.out, 'distance.parquet'), { t: trace.times, d_l2: trace.l2, d_mean_abs: trace.meanAbs });
  const figures: string[] = [];
  if (context.figures) {
    figures.push('distance.png');
    await renderFigure(distanceFigure(trace, network, reference, `D_φ(t) after a perturbation of ε = ${formatNumber(eps)} (realization ${realization})`), join(context.out, figures[0]));
  }
  const summary = {
    ...describeStudyNetwork(network),
    eps,
    realization,
    T: duration,
    samples: trace.times.length,
    clamped_neurons: clamped,
    d_initial: trace.l2[0],
    d_final: trace.l2[last],
    d_initial_mean_abs: trace.meanAbs[0],
    d_final_mean_abs: trace.meanAbs[last],
    ...describeReferenceRun(reference, duration),
    threshold,
    diverged: trace.l2[last] > threshold,
    rule: DIVERGENCE_RULE,
    figures,
  };
  return { trace, summary, figures };
}

/**
 * D_φ(t) on a log axis, with the two outcomes it is judged against: the decay of an infinitesimal perturbation
 * (the probe, scaled to the same start) and the unrelated-state level; the leak e^(−t/τ_m) for comparison.
 */
export function distanceFigure(trace: DistanceTrace, network: StudyNetwork, reference: ReferenceRun, title: string) {
  const tMs = Array.from(trace.times, (t) => t * 1000);
  const scale = trace.l2[0] / reference.probe.l2[0];
  const leak = Array.from(trace.times, (t) => trace.l2[0] * Math.exp(-t / network.config.tauM));
  const ends = [tMs[0], tMs[tMs.length - 1]];
  return xySpec({
    series: [
      { name: 'D_φ, L2 norm', x: tMs, y: trace.l2, mark: 'line' },
      { name: 'D_φ, mean |Δφ|', x: tMs, y: trace.meanAbs, mark: 'line' },
      { name: 'infinitesimal perturbation', x: Array.from(reference.probe.times, (t) => t * 1000), y: reference.probe.l2.map((d) => d * scale), mark: 'line', dash: true },
      { name: 'leak e^(−t/τ_m)', x: tMs, y: leak, mark: 'line', dash: true },
      { name: 'unrelated states (L2)', x: ends, y: [reference.unrelatedL2, reference.unrelatedL2], mark: 'line', dash: true },
    ],
    xLabel: 'time after the perturbation (ms)',
    yLabel: 'phase distance D_φ',
    logY: true,
    title,
  });
}

function perturbationOptions(values: ParamValues): PerturbationOptions {
  const duration = numberParam(values, 'T');
  const every = typeof values.every === 'number' ? values.every : undefined;
  sampleGrid(numberParam(values, 'dt'), { duration, every });
  return { eps: numberParam(values, 'eps'), realization: numberParam(values, 'realization'), duration, every };
}

export const perturbation: CommandDef = {
  name: 'perturbation',
  description: 'D_φ(t) between the settled balanced LIF network and a copy perturbed by ε in phase space (seed 000, task 3)',
  params: perturbationParams,
  prepare(values: ParamValues) {
    const options = perturbationOptions(values);
    const network = studyNetwork(values);
    return {
      async run(context: RunContext) {
        return { ...(await perturbationStudy(network, options, context)).summary, params: values };
      },
    };
  },
};
