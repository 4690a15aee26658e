import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import { invalidParameter } from '../src/core/errors.js';
import { withDefaults } from '../src/core/paramDefaults.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { panelSpec } from '../src/figures/panelSpec.js';
import { renderFigure } from '../src/figures/render.js';
import { xySpec, type XySeries } from '../src/figures/xySpec.js';
import { defaultWorkers, mapInWorkers } from '../src/pool/pool.js';
import { writeColumnTable } from '../pipelines/columnTable.js';
import { parseNumberList } from '../pipelines/numberList.js';
import { checkScsTiming, scsIntegrationParams } from '../pipelines/scsRun.js';

export const rateChaosSweepParams: readonly ParamSpec[] = [
  { name: 'N-list', kind: 'string', default: '100,200,400', description: 'network sizes, comma-separated' },
  { name: 'g-min', kind: 'number', min: 0, minInclusive: true, default: 0.5, description: 'smallest g' },
  { name: 'g-max', kind: 'number', min: 0, default: 3, description: 'largest g' },
  { name: 'g-steps', kind: 'integer', min: 2, minInclusive: true, default: 26, description: 'grid points along g (evenly spaced, ends included)' },
  { name: 'realizations', kind: 'integer', min: 1, minInclusive: true, default: 4, description: 'independent networks per (N, g), averaged; realization 0 uses the seed itself, as `analyze rate-chaos` does' },
  { name: 'seed', kind: 'integer', min: 0, minInclusive: true, default: 0, description: 'master seed of the named streams' },
  { name: 'workers', kind: 'integer', min: 1, minInclusive: true, description: 'worker threads (default: all cores); results do not depend on it' },
  ...withDefaults(scsIntegrationParams, { T: 300 }),
];

export interface RateChaosTask {
  readonly n: number;
  readonly g: number;
  readonly realization: number;
  readonly seed: number | string;
  readonly duration: number;
  readonly transient: number;
  readonly dt: number;
  readonly renormEvery: number;
}

export interface RateChaosPoint {
  readonly n: number;
  readonly g: number;
  readonly realization: number;
  readonly lambdaMax: number;
  readonly wallSeconds: number;
}

/** λ_max above this counts as clearly chaotic (finite-T estimates of a zero exponent scatter by a few 10⁻³). */
const CHAOTIC = 0.005;

/**
 * Per-N summary of λ_max(g): the mean over realizations, the fraction of chaotic networks, the first upward zero
 * crossing of the mean, the g at which half the networks are chaotic, and the onset of robust chaos.
 */
export interface SizeSummary {
  readonly N: number;
  readonly g: number[];
  readonly lambda_max: number[];
  /** Fraction of the networks with λ_max > 0.005 at each g. */
  readonly chaotic_fraction: number[];
  /** g at which the chaotic fraction first reaches 1/2 (linear interpolation), null if it never does. */
  readonly half_chaotic_g: number | null;
  /** g where the mean λ_max first crosses zero upwards (linear interpolation), null if it never does. */
  readonly crossing_g: number | null;
  /** Smallest g of the grid from which on every λ_max exceeds 0.005 (clearly chaotic), null if the largest g does not. */
  readonly chaotic_from_g: number | null;
}

export function summariseSize(n: number, gs: readonly number[], lambdas: readonly number[], fractions: readonly number[] = lambdas.map((l) => (l > CHAOTIC ? 1 : 0))): SizeSummary {
  let half: number | null = null;
  for (let k = 0; k < gs.length; k++) {
    if (fractions[k] < 0.5) continue;
    half = k === 0 ? gs[0] : gs[k - 1] + ((gs[k] - gs[k - 1]) * (0.5 - fractions[k - 1])) / (fractions[k] - fractions[k - 1]);
    break;
  }
  let crossing: number | null = null;
  for (let k = 0; k + 1 < gs.length; k++) {
    if (lambdas[k] <= 0 && lambdas[k + 1] > 0) {
      crossing = gs[k] + ((gs[k + 1] - gs[k]) * -lambdas[k]) / (lambdas[k + 1] - lambdas[k]);
      break;
    }
  }
  let onset = gs.length;
  while (onset > 0 && lambdas[onset - 1] > CHAOTIC) onset--;
  return {
    N: n,
    g: [...gs],
    lambda_max: [...lambdas],
    chaotic_fraction: [...fractions],
    half_chaotic_g: half,
    crossing_g: crossing,
    chaotic_from_g: onset < gs.length ? gs[onset] : null,
  };
}

/**
 * `spikeflow analyze rate-chaos-sweep`: λ_max of the SCS network against g for several N on the worker pool, one
 * task per (N, g, realization), each carrying its own seed, so the table is identical for every worker count. The
 * same seed gives the same normalised coupling z for every g of one N (J = g·z/√N). Writes
 * `rate_chaos_sweep.parquet` and `lambda_vs_g.png`; the summary gives, per N, the mean λ_max(g), the fraction of
 * chaotic networks, the g at which half of them are chaotic, the upward zero crossing of the mean and the g from
 * which λ_max stays clearly positive. Finite networks near g = 1 often settle on fixed points or limit cycles
 * instead of chaos; these g's approach 1 as N grows.
 */
export const rateChaosSweep: CommandDef = {
  name: 'rate-chaos-sweep',
  description: 'SCS network: λ_max against g for several N on the worker pool; the transition near g = 1 sharpens with N',
  params: rateChaosSweepParams,
  prepare(values: ParamValues) {
    const sizes = parseNumberList('N-list', values['N-list'], { integer: true, min: 2 });
    const gMin = numberParam(values, 'g-min');
    const gMax = numberParam(values, 'g-max');
    if (!(gMax > gMin)) throw invalidParameter('g-max', gMax, `greater than g-min = ${gMin}`);
    const gSteps = numberParam(values, 'g-steps');
    const gs = Array.from({ length: gSteps }, (_, k) => +(gMin + ((gMax - gMin) * k) / (gSteps - 1)).toPrecision(12));
    const timing = {
      duration: numberParam(values, 'T'),
      transient: numberParam(values, 'transient'),
      dt: numberParam(values, 'dt'),
      renormEvery: numberParam(values, 'renorm-every'),
    };
    checkScsTiming(timing);
    const seed = numberParam(values, 'seed');
    const realizations = numberParam(values, 'realizations');
    const workers = typeof values.workers === 'number' ? values.workers : defaultWorkers();
    // largest networks first, so the longest tasks do not end up alone at the tail of the pool
    const tasks: RateChaosTask[] = [...sizes]
      .sort((a, b) => b - a)
      .flatMap((n) =>
        gs.flatMap((g) =>
          Array.from({ length: realizations }, (_, realization) => ({ n, g, realization, seed: realization === 0 ? seed : `${seed}/realization/${realization}`, ...timing })),
        ),
      );
    return {
      async run(context: RunContext) {
        const started = performance.now();
        const points = await mapInWorkers<RateChaosTask, RateChaosPoint>(new URL('./rateChaosWorker.js', import.meta.url), tasks, {
          workers,
          progress: context.progress,
        });
        await writeColumnTable(join(context.out, 'rate_chaos_sweep.parquet'), {
          N: Int32Array.from(points, (p) => p.n),
          g: Float64Array.from(points, (p) => p.g),
          realization: Int32Array.from(points, (p) => p.realization),
          lambda_max: Float64Array.from(points, (p) => p.lambdaMax),
          wall_s: Float64Array.from(points, (p) => p.wallSeconds),
        });
        const summaries = sizes.map((n) => {
          const at = gs.map((g) => points.filter((p) => p.n === n && p.g === g));
          const means = at.map((group) => group.reduce((sum, p) => sum + p.lambdaMax, 0) / group.length);
          const fractions = at.map((group) => group.filter((p) => p.lambdaMax > CHAOTIC).length / group.length);
          return summariseSize(n, gs, means, fractions);
        });
        const figures: string[] = [];
        if (context.figures) {
          const series: XySeries[] = summaries.map((s) => ({ name: `N = ${s.N}`, x: s.g, y: s.lambda_max, mark: 'line+point' }));
          series.push({ name: 'λ = 0', x: [gs[0], gs[gs.length - 1]], y: [0, 0], mark: 'line', dash: true });
          const lambdaPanel = xySpec({
            series,
            xLabel: 'coupling gain g',
            yLabel: 'λ_max (1/τ)',
            title: `Largest Lyapunov exponent (T = ${timing.duration} τ${realizations > 1 ? `, mean of ${realizations} networks` : ''})`,
          });
          const fractionPanel = xySpec({
            series: summaries.map((s) => ({ name: `N = ${s.N}`, x: s.g, y: s.chaotic_fraction, mark: 'line+point' as const })),
            xLabel: 'coupling gain g',
            yLabel: 'fraction of chaotic networks (λ_max > 0.005)',
            title: `Chaotic networks among ${realizations} per point`,
          });
          await renderFigure(
            panelSpec([lambdaPanel, fractionPanel], { columns: 1, title: 'SCS network: the transition to chaos sharpens with N', panelHeight: 260 }),
            join(context.out, 'lambda_vs_g.png'),
          );
          figures.push('lambda_vs_g.png');
        }
        return {
          sizes: summaries,
          g: gs,
          realizations,
          seed,
          T: timing.duration,
          transient: timing.transient,
          dt: timing.dt,
          renorm_every: timing.renormEvery,
          workers,
          tasks: tasks.length,
          sweep_wall_s: (performance.now() - started) / 1000,
          tables: ['rate_chaos_sweep.parquet'],
          figures,
          params: values,
        };
      },
    };
  },
};
