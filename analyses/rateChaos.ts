import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import { invalidParameter } from '../src/core/errors.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { renderFigure } from '../src/figures/render.js';
import { traceSpec } from '../src/figures/traceSpec.js';
import { xySpec } from '../src/figures/xySpec.js';
import { writeColumnTable } from '../pipelines/columnTable.js';
import { checkScsTiming, couplingFromCsr, couplingToCsr, runScs, scsIntegrationParams, type ScsRunResult } from '../pipelines/scsRun.js';
import { readEdgeList, writeEdgeList } from '../src/network/edgeList.js';
import { batchMeans } from '../src/kernels/batchMeans.js';
import { defaultWorkers, mapInWorkers } from '../src/pool/pool.js';
import type { RateChaosPoint, RateChaosTask } from './rateChaosSweep.js';

export const scsNetworkParams: readonly ParamSpec[] = [
  { name: 'N', kind: 'integer', min: 2, minInclusive: true, default: 400, description: 'units of the random rate network' },
  { name: 'g', kind: 'number', min: 0, minInclusive: true, default: 2, description: 'coupling gain: J_ij ~ N(0, g²/N), J_ii = 0' },
  { name: 'seed', kind: 'integer', min: 0, minInclusive: true, default: 0, description: 'master seed of the named streams (connectivity, init, tangent)' },
];

export const rateChaosParams: readonly ParamSpec[] = [
  ...scsNetworkParams,
  ...scsIntegrationParams,
  { name: 'realizations', kind: 'integer', min: 1, minInclusive: true, default: 1, description: 'independent networks whose λ_max is averaged (realization 0 is the seed\'s network and gives everything else; the others run on the worker pool)' },
  { name: 'workers', kind: 'integer', min: 1, minInclusive: true, description: 'worker threads for further realizations (default: all cores); results do not depend on it' },
  { name: 'exponents', kind: 'integer', min: 1, minInclusive: true, default: 1, description: 'number k of leading Lyapunov exponents (repeated QR of k tangent vectors; k ≤ N)' },
  { name: 'sample-every', kind: 'number', min: 0, default: 0.2, description: 'sampling interval of h for Δ(τ) and the traces, in units of τ (a multiple of dt)' },
  { name: 'max-lag', kind: 'number', min: 0, default: 30, description: 'longest lag of the autocorrelation Δ(τ), in units of τ' },
  { name: 'trace-units', kind: 'integer', min: 1, minInclusive: true, default: 5, description: 'units whose h(t) is traced' },
  { name: 'trace-duration', kind: 'number', min: 0, default: 100, description: 'length of the traces after the transient, in units of τ' },
  { name: 'network', kind: 'path', description: 'edge list (.parquet or .arrow; pre, post, weight = J_post,pre) replacing the generated coupling (g is then ignored), e.g. the network.parquet of an earlier run' },
];

/** Batches of the running estimate for the standard error of λ_max (batch means). */
const ERROR_BATCHES = 20;

/** Points of the running λ_max estimate kept for the convergence figure and table. */
const CONVERGENCE_POINTS = 200;

async function renderRateChaosFigures(out: string, n: number, g: number, result: ScsRunResult, units: readonly number[]): Promise<string[]> {
  const files: string[] = [];
  const { traces, autocorrelation, convergence, exponents } = result;
  if (traces && traces.times.length > 0) {
    const width = traces.neurons.length;
    await renderFigure(
      traceSpec({
        t: traces.times,
        series: units.map((unit, k) => ({ name: `unit ${unit}`, values: Float64Array.from(traces.times, (_, s) => traces.values[s * width + k]) })),
        xLabel: 'time (τ)',
        yLabel: 'h',
        title: `Local fields h_i(t) of ${units.length} units (N = ${n}, g = ${g})`,
      }),
      join(out, 'traces.png'),
    );
    files.push('traces.png');
  }
  if (autocorrelation && autocorrelation.values.length > 1) {
    await renderFigure(
      xySpec({
        series: [{ name: 'Δ(τ)', x: autocorrelation.lags, y: autocorrelation.values, mark: 'line' }],
        xLabel: 'lag τ (units of the time constant)',
        yLabel: 'Δ(τ) = ⟨h_i(t)·h_i(t+τ)⟩',
        title: `Population-averaged autocorrelation of h (N = ${n}, g = ${g})`,
      }),
      join(out, 'autocorrelation.png'),
    );
    files.push('autocorrelation.png');
  }
  if (convergence.t.length > 1) {
    await renderFigure(
      xySpec({
        series: [
          { name: 'running estimate', x: convergence.t, y: convergence.lambdaMax, mark: 'line' },
          { name: `final λ_max = ${exponents[0].toFixed(4)}`, x: [convergence.t[0], convergence.t[convergence.t.length - 1]], y: [exponents[0], exponents[0]], mark: 'line', dash: true },
        ],
        xLabel: 'averaging time (τ)',
        yLabel: 'λ_max (1/τ)',
        title: `Benettin estimate of the largest Lyapunov exponent (N = ${n}, g = ${g})`,
      }),
      join(out, 'lyapunov_convergence.png'),
    );
    files.push('lyapunov_convergence.png');
  }
  if (exponents.length > 1) {
    await renderFigure(
      xySpec({
        series: [
          { name: 'λ_i', x: Float64Array.from(exponents, (_, i) => i + 1), y: exponents, mark: 'line+point' },
          { name: 'zero', x: [1, exponents.length], y: [0, 0], mark: 'line', dash: true },
        ],
        xLabel: 'index i',
        yLabel: 'λ_i (1/τ)',
        title: `The first ${exponents.length} Lyapunov exponents (repeated QR)`,
      }),
      join(out, 'lyapunov_spectrum.png'),
    );
    files.push('lyapunov_spectrum.png');
  }
  return files;
}

/**
 * `spikeflow analyze rate-chaos`: the Sompolinsky–Crisanti–Sommers network dh/dt = −h + J·tanh(h). The largest
 * Lyapunov exponent (or the first k, `--exponents`) by Benettin's method with QR after a transient, the
 * population-averaged autocorrelation Δ(τ) of h (an operator over the state frames), traces of a few units, and the
 * running λ_max estimate showing its convergence, with a batch-means standard error of the seed's network's time
 * average. The network (`network.parquet`, an edge list j → i with weight J_ij) and the initial state
 * (`initial_state.parquet`) are written so that an independent implementation can estimate λ on the same system;
 * `--network` reads such a file back. With `--realizations R`, λ_max is the mean over R networks (the
 * further ones on the worker pool); `exponents` and the rest always describe the seed's own network. Time is in units
 * of the unit time constant.
 */
export const rateChaos: CommandDef = {
  name: 'rate-chaos',
  description: 'SCS random rate network (seed 002): λ_max (Benettin) or the first k Lyapunov exponents, Δ(τ), unit traces',
  params: rateChaosParams,
  async prepare(values: ParamValues) {
    const n = numberParam(values, 'N');
    const g = numberParam(values, 'g');
    const seed = numberParam(values, 'seed');
    const k = numberParam(values, 'exponents');
    if (k > n) throw invalidParameter('exponents', k, `at most N = ${n}`);
    const timing = {
      duration: numberParam(values, 'T'),
      transient: numberParam(values, 'transient'),
      dt: numberParam(values, 'dt'),
      renormEvery: numberParam(values, 'renorm-every'),
    };
    checkScsTiming(timing);
    const sampleEvery = numberParam(values, 'sample-every');
    const sampleSteps = Math.round(sampleEvery / timing.dt);
    if (sampleSteps < 1 || Math.abs(sampleSteps * timing.dt - sampleEvery) > 1e-9 * sampleEvery) {
      throw invalidParameter('sample-every', sampleEvery, `a multiple of dt = ${timing.dt}`);
    }
    const realizations = numberParam(values, 'realizations');
    const workers = typeof values.workers === 'number' ? values.workers : defaultWorkers();
    const network = typeof values.network === 'string' ? couplingFromCsr(await readEdgeList(values.network, n), values.network) : undefined;
    if (network && realizations > 1) throw invalidParameter('realizations', realizations, '1 when --network gives the coupling');
    const units = Array.from({ length: Math.min(n, numberParam(values, 'trace-units')) }, (_, i) => i);
    return {
      async run(context: RunContext) {
        const result = await runScs({
          n,
          g,
          seed,
          ...timing,
          exponents: k,
          sampleEvery,
          maxLag: numberParam(values, 'max-lag'),
          traceUnits: units,
          traceDuration: numberParam(values, 'trace-duration'),
          convergenceEvery: Math.max(timing.renormEvery, Math.ceil(timing.duration / CONVERGENCE_POINTS / timing.renormEvery) * timing.renormEvery),
          progress: context.progress,
          ...(network ? { coupling: network } : {}),
        });
        const { exponents, autocorrelation, traces, convergence } = result;
        const others: RateChaosTask[] = Array.from({ length: realizations - 1 }, (_, r) => ({ n, g, realization: r + 1, seed: `${seed}/realization/${r + 1}`, ...timing }));
        const further = await mapInWorkers<RateChaosTask, RateChaosPoint>(new URL('./rateChaosWorker.js', import.meta.url), others, { workers });
        const perNetwork = [exponents[0], ...further.map((p) => p.lambdaMax)];
        const ensembleMean = perNetwork.reduce((a, b) => a + b, 0) / perNetwork.length;
        const ensembleSd = Math.sqrt(perNetwork.reduce((a, b) => a + (b - ensembleMean) ** 2, 0) / Math.max(1, perNetwork.length - 1));
        const tables = ['lyapunov.parquet', 'lyapunov_convergence.parquet', 'network.parquet', 'initial_state.parquet'];
        // the exact network and start, so that an independent implementation can estimate λ on the same system
        await writeEdgeList(couplingToCsr(result.coupling, n), join(context.out, 'network.parquet'));
        await writeColumnTable(join(context.out, 'initial_state.parquet'), { unit: Int32Array.from(result.h0, (_, i) => i), h: result.h0 });
        await writeColumnTable(join(context.out, 'lyapunov.parquet'), { index: Int32Array.from(exponents, (_, i) => i + 1), exponent: exponents });
        await writeColumnTable(join(context.out, 'lyapunov_convergence.parquet'), { t: convergence.t, lambda_max: convergence.lambdaMax });
        if (autocorrelation) {
          await writeColumnTable(join(context.out, 'autocorrelation.parquet'), { tau: autocorrelation.lags, delta: autocorrelation.values });
          tables.push('autocorrelation.parquet');
        }
        if (traces) {
          const samples = traces.times.length;
          const width = traces.neurons.length;
          await writeColumnTable(join(context.out, 'traces.parquet'), {
            unit: Int32Array.from({ length: samples * width }, (_, r) => units[r % width]),
            t: Float64Array.from({ length: samples * width }, (_, r) => traces.times[Math.floor(r / width)]),
            h: traces.values,
          });
          tables.push('traces.parquet');
        }
        const figures = context.figures ? await renderRateChaosFigures(context.out, n, g, result, units) : [];
        let sum = 0;
        for (const lambda of exponents) sum += lambda;
        const delta = autocorrelation?.values;
        // the running estimate halfway through: its distance from the final value shows how far the average has settled
        const error =
          convergence.t.length >= ERROR_BATCHES ? batchMeans(convergence.t, Float64Array.from(convergence.t, (t, k) => t * convergence.lambdaMax[k]), ERROR_BATCHES).standardError : null;
        let half: number | null = null;
        for (let k = 0; k < convergence.t.length; k++) if (convergence.t[k] <= timing.duration / 2) half = convergence.lambdaMax[k];
        return {
          N: n,
          g: network ? null : g,
          ...(network ? { network: values.network } : {}),
          seed,
          lambda_max: ensembleMean,
          ...(realizations > 1 ? { lambda_max_per_network: perNetwork, lambda_max_sem: ensembleSd / Math.sqrt(perNetwork.length), realizations } : {}),
          exponents: Array.from(exponents),
          lambda_max_at_half_T: half,
          lambda_max_standard_error: error,
          ...(k > 1 ? { exponent_sum: sum, exponent_sum_all_identity: k === n ? -n : null } : {}),
          delta_0: delta && delta.length > 0 ? delta[0] : null,
          delta_at_max_lag: delta && delta.length > 0 && Number.isFinite(delta[delta.length - 1]) ? delta[delta.length - 1] : null,
          T: timing.duration,
          transient: timing.transient,
          dt: timing.dt,
          renorm_every: timing.renormEvery,
          time_unit: 'τ (the unit time constant)',
          simulation_wall_s: result.simulationSeconds,
          tables,
          figures,
          params: values,
        };
      },
    };
  },
};
