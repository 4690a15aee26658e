import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import { invalidParameter } from '../src/core/errors.js';
import { withDefaults } from '../src/core/paramDefaults.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { panelSpec } from '../src/figures/panelSpec.js';
import { renderFigure } from '../src/figures/render.js';
import { xySpec, type XySeries } from '../src/figures/xySpec.js';
import { linearFit } from '../src/kernels/linearFit.js';
import { binaryBalance, binaryBalancedConfig, binaryBalancedParams } from '../src/models/binaryBalanced.js';
import { defaultWorkers, mapInWorkers } from '../src/pool/pool.js';
import { binaryTiming, binaryTimingParams, type BinaryPointResult, type BinaryTiming } from '../pipelines/binaryBalanced.js';
import { writeColumnTable } from '../pipelines/columnTable.js';
import { parseNumberList } from '../pipelines/numberList.js';

export const binaryBalanceSweepParams: readonly ParamSpec[] = [
  ...withDefaults(
    binaryBalancedParams.filter((spec) => spec.name !== 'K' && spec.name !== 'm0'),
    { NE: 10000, NI: 10000 },
  ),
  { name: 'K-list', kind: 'string', default: '100,200,500,1000', description: 'mean inputs per population K, comma-separated (each ≤ NE and NI)' },
  { name: 'm0-list', kind: 'string', default: '0.1,0.15,0.2,0.25,0.3', description: 'external activities m0, comma-separated' },
  ...withDefaults(binaryTimingParams, { T: 0.6, transient: 0.1, dt: 1e-3 }),
  { name: 'workers', kind: 'integer', min: 1, minInclusive: true, description: 'worker threads (default: all cores); results do not depend on it' },
];

export interface BinaryBalanceTask {
  readonly values: ParamValues;
  readonly K: number;
  readonly m0: number;
  readonly timing: BinaryTiming;
  readonly seed: number;
}

/** The straight line through the measured activities of one population at one K, against the balance line. */
export interface PopulationFit {
  readonly slope: number;
  readonly slope_error: number;
  readonly intercept: number;
  /** Slope of the balance solution, m_k = slope·m0. */
  readonly balance_slope: number;
  /** Slope of the finite-K mean-field activities against m0 over the same m0 (what finite K predicts). */
  readonly mean_field_slope: number;
  /** Mean over m0 of (measured − balance): the offset from the balance line. */
  readonly mean_offset: number;
  /** mean_offset·√K, constant if the offset falls like 1/√K. */
  readonly offset_times_sqrt_k: number;
}

export interface KSummary {
  readonly K: number;
  readonly m0: number[];
  readonly m_e: number[];
  readonly m_i: number[];
  readonly balance_m_e: number[];
  readonly balance_m_i: number[];
  readonly mean_field_m_e: number[];
  readonly mean_field_m_i: number[];
  readonly fit_e: PopulationFit;
  readonly fit_i: PopulationFit;
}

function populationFit(K: number, m0s: readonly number[], measured: readonly number[], balance: readonly number[], meanField: readonly number[], balanceSlope: number): PopulationFit {
  const fit = linearFit(m0s, measured);
  let offset = 0;
  for (let k = 0; k < m0s.length; k++) offset += measured[k] - balance[k];
  offset /= m0s.length;
  return {
    slope: fit.slope,
    slope_error: fit.slopeError,
    intercept: fit.intercept,
    balance_slope: balanceSlope,
    mean_field_slope: linearFit(m0s, meanField).slope,
    mean_offset: offset,
    offset_times_sqrt_k: offset * Math.sqrt(K),
  };
}

/**
 * `spikeflow analyze binary-balance-sweep`: the balanced binary network at several K and m0 on the worker pool
 * (one task per (K, m0), same seed, so one network per K shared by all m0 and results independent of the worker
 * count). Per K, straight lines through m_E(m0) and m_I(m0) give the slope against m0, to compare with the balance
 * solution's, and the mean offset from the balance line, which shrinks as K grows (finite-K corrections are
 * O(1/√K); the finite-K mean-field activities, listed alongside, predict them). Writes `binary_balance_sweep.parquet` and `rates_vs_m0.png`.
 */
export const binaryBalanceSweep: CommandDef = {
  name: 'binary-balance-sweep',
  description: 'Balanced binary network over K and m0 on the worker pool: rates linear in m0 with the balance slope, offset shrinking with K',
  params: binaryBalanceSweepParams,
  prepare(values: ParamValues) {
    const ks = parseNumberList('K-list', values['K-list'], { min: 0, minInclusive: false });
    const m0s = parseNumberList('m0-list', values['m0-list'], { min: 0 });
    if (m0s.length < 2) throw invalidParameter('m0-list', values['m0-list'], 'at least two values, for a slope');
    // every (K, m0) must be a valid configuration: checked here, before any output exists
    for (const K of ks) for (const m0 of m0s) binaryBalancedConfig({ ...values, K, m0 });
    const timing = binaryTiming(values);
    const seed = numberParam(values, 'seed');
    const workers = typeof values.workers === 'number' ? values.workers : defaultWorkers();
    const tasks: BinaryBalanceTask[] = [...ks].sort((a, b) => b - a).flatMap((K) => m0s.map((m0) => ({ values, K, m0, timing, seed })));
    return {
      async run(context: RunContext) {
        const started = performance.now();
        const points = await mapInWorkers<BinaryBalanceTask, BinaryPointResult>(new URL('./binaryBalanceWorker.js', import.meta.url), tasks, {
          workers,
          progress: context.progress,
        });
        await writeColumnTable(join(context.out, 'binary_balance_sweep.parquet'), {
          K: Float64Array.from(points, (p) => p.K),
          m0: Float64Array.from(points, (p) => p.m0),
          m_e: Float64Array.from(points, (p) => p.mE),
          m_i: Float64Array.from(points, (p) => p.mI),
          balance_m_e: Float64Array.from(points, (p) => p.balanceE),
          balance_m_i: Float64Array.from(points, (p) => p.balanceI),
          mean_field_m_e: Float64Array.from(points, (p) => p.meanFieldE),
          mean_field_m_i: Float64Array.from(points, (p) => p.meanFieldI),
          updates: Float64Array.from(points, (p) => p.updates),
          wall_s: Float64Array.from(points, (p) => p.wallSeconds),
        });
        const summaries: KSummary[] = ks.map((K) => {
          const at = m0s.map((m0) => points.find((p) => p.K === K && p.m0 === m0) as BinaryPointResult);
          const slopes = binaryBalance(binaryBalancedConfig({ ...values, K, m0: 1 }));
          const mE = at.map((p) => p.mE);
          const mI = at.map((p) => p.mI);
          const balanceE = at.map((p) => p.balanceE);
          const balanceI = at.map((p) => p.balanceI);
          const meanFieldE = at.map((p) => p.meanFieldE);
          const meanFieldI = at.map((p) => p.meanFieldI);
          return {
            K,
            m0: m0s,
            m_e: mE,
            m_i: mI,
            balance_m_e: balanceE,
            balance_m_i: balanceI,
            mean_field_m_e: meanFieldE,
            mean_field_m_i: meanFieldI,
            fit_e: populationFit(K, m0s, mE, balanceE, meanFieldE, slopes.slopeE),
            fit_i: populationFit(K, m0s, mI, balanceI, meanFieldI, slopes.slopeI),
          };
        });
        const figures: string[] = [];
        if (context.figures) {
          const panel = (population: 'E' | 'I') => {
            const series: XySeries[] = summaries.map((s) => ({ name: `K = ${s.K}`, x: s.m0, y: population === 'E' ? s.m_e : s.m_i, mark: 'line+point' }));
            series.push({ name: 'balance solution', x: m0s, y: population === 'E' ? summaries[0].balance_m_e : summaries[0].balance_m_i, mark: 'line', dash: true });
            return xySpec({ series, xLabel: 'external activity m0', yLabel: `m_${population}`, title: `${population === 'E' ? 'Excitatory' : 'Inhibitory'} activity against m0` });
          };
          await renderFigure(
            panelSpec([panel('E'), panel('I')], { columns: 2, title: 'Balanced binary network: activities are linear in m0 and approach the balance line as K grows', panelWidth: 420, panelHeight: 300 }),
            join(context.out, 'rates_vs_m0.png'),
          );
          figures.push('rates_vs_m0.png');
        }
        const largest = summaries.reduce((a, b) => (b.K > a.K ? b : a));
        const smallest = summaries.reduce((a, b) => (b.K < a.K ? b : a));
        return {
          by_K: summaries,
          largest_K: {
            K: largest.K,
            slope_e: largest.fit_e.slope,
            slope_i: largest.fit_i.slope,
            balance_slope_e: largest.fit_e.balance_slope,
            balance_slope_i: largest.fit_i.balance_slope,
            mean_field_slope_e: largest.fit_e.mean_field_slope,
            mean_field_slope_i: largest.fit_i.mean_field_slope,
            mean_offset_e: largest.fit_e.mean_offset,
            mean_offset_i: largest.fit_i.mean_offset,
          },
          offset_shrinks_with_K:
            Math.abs(largest.fit_e.mean_offset) < Math.abs(smallest.fit_e.mean_offset) && Math.abs(largest.fit_i.mean_offset) < Math.abs(smallest.fit_i.mean_offset),
          NE: numberParam(values, 'NE'),
          NI: numberParam(values, 'NI'),
          T: timing.duration,
          transient: timing.transient,
          seed,
          workers,
          tasks: tasks.length,
          sweep_wall_s: (performance.now() - started) / 1000,
          tables: ['binary_balance_sweep.parquet'],
          figures,
          params: values,
        };
      },
    };
  },
};
