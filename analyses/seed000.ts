import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam, parseParams } from '../src/core/params.js';
import { writeFileDurably } from '../src/sinks/durableFile.js';
import { formatNumber } from '../src/figures/formatNumber.js';
import { renderFigure } from '../src/figures/render.js';
import { xySpec } from '../src/figures/xySpec.js';
import { writeJsonDurably } from '../src/sinks/durableFile.js';
import { balancedLif } from '../pipelines/balancedLif.js';
import { studyNetwork, studyNetworkParams, type StudyNetwork } from '../pipelines/studyNetwork.js';
import { divergenceOptions, divergenceParams, divergenceStudy } from './divergence.js';
import { fluxTubeStudy } from './fluxTubes.js';
import { perturbationStudy, type PerturbationResult } from './perturbation.js';

/** Perturbation sizes of tasks 3–4: one well inside a flux tube, one beyond it, and the seed's unit shift. */
const TASK3_EPS = [1e-4, 1e-2, 1];

/** The flux-tube plane spans ± this many ε_ft, enough for several tubes at a grid spacing well inside one. */
const SPAN_IN_FLUX_TUBES = 2.5;

export const seed000Params: readonly ParamSpec[] = [
  ...studyNetworkParams,
  { name: 'task1-T', kind: 'number', dimension: 'time', min: 0, default: 5, displayUnit: 's', description: 'simulated duration of the task-1 run (raster, rates, CVs)' },
  { name: 'T', kind: 'number', dimension: 'time', min: 0, default: 0.2, displayUnit: 's', description: 'simulated time after each perturbation (tasks 3–6)' },
  { name: 'realizations', kind: 'integer', min: 1, minInclusive: true, default: 50, description: 'perturbation directions per ε in task 5 (15 ε from 1e-5 to 1)' },
  { name: 'grid', kind: 'integer', min: 2, minInclusive: true, default: 30, description: 'G of the G×G flux-tube plane of task 6 (its span is ±2.5 ε_ft from task 5)' },
];

/** Values of `params` taken from `values` where both declare them, else the defaults, plus overrides. */
function subValues(params: readonly ParamSpec[], values: ParamValues, overrides: Record<string, unknown>): ParamValues {
  const raw: Record<string, unknown> = {};
  for (const spec of params) if (values[spec.name] !== undefined) raw[spec.name] = values[spec.name];
  return parseParams(params, { ...raw, ...overrides });
}

async function inSubdirectory<T>(context: RunContext, name: string, work: (context: RunContext) => Promise<T>): Promise<T> {
  const out = join(context.out, name);
  await mkdir(out, { recursive: true });
  return work({ ...context, out });
}

/**
 * Seed 000 end to end: task 1 (the balanced-lif pipeline: raster, voltage trace, rate and CV distributions), tasks
 * 3–4 (D_φ(t) for a decaying and a growing perturbation), task 5 (divergence probability over 15 ε and ε_ft) and
 * task 6 (the flux-tube map, its plane scaled to the measured ε_ft), each in its own subdirectory with tables,
 * figures and summary.json, and a generated README.md of the results.
 */
export async function seed000Study(network: StudyNetwork, values: ParamValues, context: RunContext): Promise<Record<string, unknown>> {
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[name] = (performance.now() - started) / 1000;
    return result;
  };
  const duration = numberParam(values, 'T');

  context.log('seed-000: task 1, the balanced network');
  const task1 = await timed('task1', () =>
    inSubdirectory(context, 'task1', async (sub) => {
      const task1Values = subValues(balancedLif.params, values, { T: values['task1-T'], threads: 1 });
      const job = await balancedLif.prepare(task1Values);
      // task1/ is a run of its own: its manifest, replay and resume must describe `run balanced-lif`, not the study
      const summary = await job.run({ ...sub, command: 'run balanced-lif', values: task1Values, resume: undefined });
      await writeJsonDurably(join(sub.out, 'summary.json'), { command: 'run balanced-lif', ...summary });
      return summary;
    }),
  );

  context.log('seed-000: tasks 3–4, D_φ(t) after single perturbations');
  const perturbations: { eps: number; result: PerturbationResult }[] = [];
  await timed('tasks3_4', async () => {
    for (const eps of TASK3_EPS) {
      const result = await inSubdirectory(context, join('perturbation', `eps_${formatNumber(eps)}`), async (sub) => {
        const study = await perturbationStudy(network, { eps, realization: 0, duration }, sub);
        await writeJsonDurably(join(sub.out, 'summary.json'), { command: 'analyze perturbation', ...study.summary });
        return study;
      });
      perturbations.push({ eps, result });
    }
  });
  if (context.figures) {
    await renderFigure(
      xySpec({
        series: perturbations.map(({ eps, result }) => ({ name: `ε = ${formatNumber(eps)}`, x: Array.from(result.trace.times, (t) => t * 1000), y: result.trace.l2, mark: 'line' as const })),
        xLabel: 'time after the perturbation (ms)',
        yLabel: 'D_φ, L2 norm',
        logY: true,
        title: 'D_φ(t): decay inside a flux tube, growth beyond it',
      }),
      join(context.out, 'perturbation', 'distances.png'),
    );
  }

  context.log('seed-000: task 5, divergence probability');
  const divergence = await timed('task5', () =>
    inSubdirectory(context, 'divergence', async (sub) => {
      const options = divergenceOptions(subValues(divergenceParams, values, {}));
      const study = await divergenceStudy(network, options, sub);
      await writeJsonDurably(join(sub.out, 'summary.json'), { command: 'analyze divergence', ...study.summary });
      return study;
    }),
  );

  const span = Number.isFinite(divergence.epsFt) ? Number((SPAN_IN_FLUX_TUBES * divergence.epsFt).toPrecision(2)) : 0.004;
  context.log(`seed-000: task 6, flux tubes (span ±${span})`);
  const grid = numberParam(values, 'grid');
  const tubes = await timed('task6', () =>
    inSubdirectory(context, 'flux-tubes', async (sub) => {
      const study = await fluxTubeStudy(network, { grid, span, duration }, sub);
      await writeJsonDurably(join(sub.out, 'summary.json'), { command: 'analyze flux-tubes', ...study.summary });
      return study;
    }),
  );

  const summary = {
    N: network.config.size,
    K: network.config.inDegree,
    seed: network.seed,
    engine: network.engine,
    drive: network.drive,
    task1: { mean_rate_hz: task1.mean_rate_hz, mean_cv: task1.mean_cv, spikes: task1.spikes, T: task1.T },
    perturbations: perturbations.map(({ eps, result }) => ({ eps, d_initial: result.summary.d_initial, d_final: result.summary.d_final, diverged: result.summary.diverged })),
    eps: divergence.eps,
    p_diverge: divergence.pDiverge,
    eps_ft: Number.isFinite(divergence.epsFt) ? divergence.epsFt : null,
    realizations: divergence.summary.realizations,
    flux_tubes: { grid, span, tubes: tubes.tubes, largest_fraction: tubes.largestFraction, threshold: tubes.threshold },
    stage_wall_s: timings,
  };
  await writeFileDurably(join(context.out, 'README.md'), resultsReadme(summary, task1, divergence.summary, tubes.summary, duration));
  return summary;
}

function resultsReadme(
  summary: Record<string, unknown> & { eps: Float64Array; p_diverge: Float64Array; stage_wall_s: Record<string, number> },
  task1: Record<string, unknown>,
  divergence: Record<string, unknown>,
  tubes: Record<string, unknown>,
  duration: number,
): string {
  const f = (value: unknown, digits = 3) => (typeof value === 'number' ? formatNumber(value, digits) : String(value));
  const rows = Array.from(summary.eps, (e, i) => `| ${f(e)} | ${f(summary.p_diverge[i], 2)} |`).join('\n');
  const perturbations = (summary.perturbations as { eps: number; d_initial: number; d_final: number; diverged: boolean }[])
    .map((p) => `| ${f(p.eps)} | ${f(p.d_initial)} | ${f(p.d_final)} | ${p.diverged ? 'grew' : 'decayed'} |`)
    .join('\n');
  const wall = Object.entries(summary.stage_wall_s).map(([stage, seconds]) => `${stage} ${seconds.toFixed(1)} s`).join(', ');
  return `# Seed 000: stability and chaos in the balanced LIF network

Generated by \`spikeflow analyze seed-000\`. N = ${summary.N}, K = ${summary.K}, seed ${summary.seed}, ${summary.engine} engine, drive I = ${f(summary.drive, 6)}.
Wall time per stage: ${wall}.

## Task 1: the balanced state (\`task1/\`)

${f(task1.T)} s simulated: mean rate ${f(task1.mean_rate_hz)} Hz, mean ISI CV ${f(task1.mean_cv)} (${task1.spikes} spikes).
Figures: \`task1/raster.png\`, \`task1/voltage_trace.png\`, \`task1/rate_distribution.png\`, \`task1/cv_distribution.png\`.

## Tasks 2–4: phase representation and D_φ(t) (\`perturbation/\`)

The settled state (after ${f(divergence.settle)} s) is perturbed by ε·r in phase space (|r|₂ = 1, realization 0) and
D_φ(t), the L2 norm of the circular phase differences, is followed for ${f(duration * 1000)} ms.

| ε | D_φ(0) | D_φ(T) | outcome |
|---|---|---|---|
${perturbations}

Figure: \`perturbation/distances.png\` (one subdirectory per ε with its table and figure).

## Task 5: divergence probability (\`divergence/\`)

${divergence.realizations} realizations per ε, T = ${f(duration * 1000)} ms. A run diverged when its final distance exceeds
√(max(D_φ(0)·G, r)·D_unrelated), the geometric midpoint between the decayed level and the distance of unrelated
states (D_unrelated = ${f(divergence.unrelated_l2)}). G is the decay factor of an infinitesimal perturbation: a probe of size
1e-8 ended at D_φ = ${f(divergence.probe_final_l2)} (G = ${f(divergence.probe_decay_factor)}); r = 2⁻⁵²·√N = ${f(divergence.phase_resolution_l2)} is the resolution
of double-precision phases, below which a decayed perturbation cannot be told from zero.
Decayed runs ended at most ${f(divergence.decayed_max_ratio_to_probe_decay)} × the probe's decay, diverged runs at least
${f(divergence.diverged_min_ratio_to_unrelated)} × D_unrelated.

| ε | P(diverge) |
|---|---|
${rows}

**ε_ft = ${f(summary.eps_ft)}** (P = 1/2 of a logistic fit in log10 ε). Figures: \`divergence/divergence_probability.png\`,
\`divergence/distance_traces.png\`.

## Task 6: flux tubes (\`flux-tubes/\`)

A ${tubes.grid}×${tubes.grid} plane V₀ + a·p + b·q, a, b ∈ [−${f(tubes.span)}, ${f(tubes.span)}] (±${SPAN_IN_FLUX_TUBES} ε_ft), each point run for
${f(duration * 1000)} ms: **${tubes.tubes} tubes**, the largest holding ${f((tubes.largest_fraction as number) * 100)} % of the plane.
Distance threshold ${f(tubes.threshold)} (middle of the gap between ${f((tubes.gap as { lower: number }).lower)} and ${f((tubes.gap as { upper: number }).upper)}).
Figure: \`flux-tubes/flux_tubes.png\`.
`;
}

export const seed000: CommandDef = {
  name: 'seed-000',
  description: 'seed 000 end to end: the balanced network (task 1), D_φ(t) (tasks 2–4), divergence probability and ε_ft (task 5), flux tubes (task 6), with a README of the results',
  params: seed000Params,
  prepare(values: ParamValues) {
    divergenceOptions(subValues(divergenceParams, values, {}));
    const network = studyNetwork(values);
    return {
      async run(context: RunContext) {
        return { ...(await seed000Study(network, values, context)), params: values };
      },
    };
  },
};
