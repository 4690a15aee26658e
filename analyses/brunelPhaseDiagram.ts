import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import { invalidParameter } from '../src/core/errors.js';
import { withDefaults } from '../src/core/paramDefaults.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { runParams } from '../src/core/runParams.js';
import { heatmapSpec } from '../src/figures/heatmapSpec.js';
import { panelSpec } from '../src/figures/panelSpec.js';
import { renderFigure } from '../src/figures/render.js';
import type { BrunelState } from '../src/kernels/classifyBrunelState.js';
import { brunelConfig, brunelConnectivity, brunelParams } from '../src/models/brunel.js';
import { defaultWorkers, mapInWorkers } from '../src/pool/pool.js';
import { brunelAnalysisParams, checkBrunelTiming } from '../pipelines/brunel.js';
import { shareConnectivity, type BrunelPointResult, type BrunelPointTask, type BrunelSweepShared } from '../pipelines/brunelSweep.js';
import { writeColumnTable } from '../pipelines/columnTable.js';

export const brunelPhaseDiagramParams: readonly ParamSpec[] = [
  ...brunelParams.filter((spec) => spec.name !== 'g' && spec.name !== 'eta'),
  { name: 'g-min', kind: 'number', min: 0, minInclusive: true, default: 2, description: 'smallest g of the grid' },
  { name: 'g-max', kind: 'number', min: 0, minInclusive: true, default: 8, description: 'largest g of the grid' },
  { name: 'g-steps', kind: 'integer', min: 1, minInclusive: true, default: 13, description: 'grid points along g (evenly spaced, ends included)' },
  { name: 'eta-min', kind: 'number', min: 0, minInclusive: true, default: 0.5, description: 'smallest η = ν_ext/ν_thr of the grid' },
  { name: 'eta-max', kind: 'number', min: 0, minInclusive: true, default: 4, description: 'largest η of the grid' },
  { name: 'eta-steps', kind: 'integer', min: 1, minInclusive: true, default: 15, description: 'grid points along η (ends included)' },
  {
    name: 'eta-spacing',
    kind: 'string',
    choices: ['log', 'linear'],
    default: 'log',
    description: 'η grid evenly spaced in log η (default: resolves the narrow SI-slow band near η ≈ 0.9) or in η',
  },
  { name: 'workers', kind: 'integer', min: 1, minInclusive: true, description: 'worker threads (default: all cores)' },
  ...withDefaults(runParams, { T: 0.5 }).filter((spec) => spec.name !== 'chunk'),
  ...brunelAnalysisParams,
];

/** Integer codes of the states in the Parquet table, in this order. */
export const BRUNEL_STATE_CODES: readonly BrunelState[] = ['Q', 'SR', 'AR', 'AI', 'SI-fast', 'SI-slow'];

function grid(min: number, max: number, steps: number, name: string, spacing: string): number[] {
  if (steps === 1) {
    if (min !== max) throw invalidParameter(`${name}-steps`, steps, `at least 2 for a range ${min} … ${max} (or ${name}-min = ${name}-max)`);
    return [min];
  }
  if (!(max > min)) throw invalidParameter(`${name}-max`, max, `greater than ${name}-min = ${min}`);
  if (spacing === 'log' && !(min > 0)) throw invalidParameter(`${name}-min`, min, `a positive value for a log-spaced grid`);
  const at = (k: number) => (spacing === 'log' ? min * (max / min) ** (k / (steps - 1)) : min + ((max - min) * k) / (steps - 1));
  // rounded to 4 significant digits so that the grid reads cleanly in the table and the figure
  return Array.from({ length: steps }, (_, k) => (k === 0 ? min : k === steps - 1 ? max : +at(k).toPrecision(4)));
}

async function renderPhaseDiagram(out: string, gs: number[], etas: number[], logEta: boolean, results: readonly BrunelPointResult[]): Promise<string> {
  const at = (ig: number, ie: number) => results[ig * etas.length + ie];
  const cells = <T>(pick: (r: BrunelPointResult) => T): T[] => etas.flatMap((_, ie) => gs.map((_, ig) => pick(at(ig, ie))));
  const common = { x: gs, y: etas, logY: logEta, xLabel: 'g (relative inhibition)', yLabel: 'η = ν_ext / ν_thr' };
  const spec = panelSpec(
    [
      heatmapSpec({ ...common, z: cells((r) => r.state), zLabel: 'state', title: 'Network state' }),
      heatmapSpec({ ...common, z: cells((r) => (r.meanRate > 0 ? Math.log10(r.meanRate) : NaN)), zLabel: 'log₁₀ rate (Hz)', title: 'Mean firing rate' }),
      heatmapSpec({ ...common, z: cells((r) => r.meanCv), zLabel: 'CV', title: 'Mean ISI CV' }),
    ],
    { columns: 3, title: 'Brunel (2000) phase diagram', panelWidth: 320, panelHeight: 260 },
  );
  await renderFigure(spec, join(out, 'phase_diagram.png'));
  return 'phase_diagram.png';
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * `spikeflow analyze brunel-phase-diagram`: the Brunel network over a (g, η) grid on the worker pool. The
 * connectivity (independent of g and η) is drawn once and shared with every worker; each point is one full-size
 * run of `T` analysed after the transient exactly as `spikeflow run brunel` does (rates, CV, χ, spectral peak,
 * state). The default grid, 13 values of g in [2, 8] × 15 log-spaced values of η in [0.5, 4] at T = 0.5 s, takes
 * about 6 minutes on two cores. Writes `phase_diagram.parquet` (one row per point; `state_code` indexes BRUNEL_STATE_CODES, also listed
 * in the summary) and `phase_diagram.png` (state, rate and CV panels).
 */
export const brunelPhaseDiagram: CommandDef = {
  name: 'brunel-phase-diagram',
  description: 'Brunel (2000) states over a (g, η) grid on the worker pool: Parquet table and phase diagram coloured by state, with rate and CV panels',
  params: brunelPhaseDiagramParams,
  prepare(values: ParamValues) {
    const gs = grid(numberParam(values, 'g-min'), numberParam(values, 'g-max'), numberParam(values, 'g-steps'), 'g', 'linear');
    const etaSpacing = String(values['eta-spacing'] ?? 'log');
    const etas = grid(numberParam(values, 'eta-min'), numberParam(values, 'eta-max'), numberParam(values, 'eta-steps'), 'eta', etaSpacing);
    const base = { ...values, g: gs[0], eta: etas[0] };
    const config = brunelConfig(base);
    const timing = checkBrunelTiming(config, base);
    const seed = numberParam(values, 'seed');
    const workers = typeof values.workers === 'number' ? values.workers : defaultWorkers();
    return {
      async run(context: RunContext) {
        const started = performance.now();
        const shared: BrunelSweepShared = {
          values,
          connectivity: shareConnectivity(brunelConnectivity(config, seed)),
          dt: timing.dt,
          seed,
          duration: timing.duration,
          transient: timing.transient,
          segment: timing.segment,
        };
        const tasks: BrunelPointTask[] = gs.flatMap((g) => etas.map((eta) => ({ g, eta })));
        const results = await mapInWorkers<BrunelPointTask, BrunelPointResult>(new URL('./brunelPhaseWorker.js', import.meta.url), tasks, {
          workers,
          progress: context.progress,
          workerData: shared,
        });
        const column = (pick: (r: BrunelPointResult) => number) => Float64Array.from(results, pick);
        await writeColumnTable(join(context.out, 'phase_diagram.parquet'), {
          g: column((r) => r.g),
          eta: column((r) => r.eta),
          state_code: Int32Array.from(results, (r) => BRUNEL_STATE_CODES.indexOf(r.state)),
          mean_rate_hz: column((r) => r.meanRate),
          mean_cv: column((r) => r.meanCv),
          chi: column((r) => r.chi),
          pop_peak_hz: column((r) => r.peakFrequency),
          peak_to_median_power: column((r) => r.peakToMedian),
          rate_e_hz: column((r) => r.rateE),
          rate_i_hz: column((r) => r.rateI),
          wall_s: column((r) => r.wallSeconds),
        });
        const figures = context.figures ? [await renderPhaseDiagram(context.out, gs, etas, etaSpacing === 'log', results)] : [];
        const counts = Object.fromEntries(BRUNEL_STATE_CODES.map((state) => [state, results.filter((r) => r.state === state).length]));
        return {
          points: results.length,
          g: gs,
          eta: etas,
          state_counts: counts,
          state_codes: BRUNEL_STATE_CODES,
          states: results.map((r) => ({ g: r.g, eta: r.eta, state: r.state, mean_rate_hz: finite(r.meanRate), mean_cv: finite(r.meanCv), chi: finite(r.chi) })),
          N: config.excitatory + config.inhibitory,
          T: timing.duration,
          transient: timing.transient,
          seed,
          workers,
          sweep_wall_s: (performance.now() - started) / 1000,
          tables: ['phase_diagram.parquet'],
          figures,
          params: values,
        };
      },
    };
  },
};
