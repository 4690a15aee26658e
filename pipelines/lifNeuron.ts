import { lastValueFrom } from 'rxjs';
import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import { withDefaults } from '../src/core/paramDefaults.js';
import type { ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { stepsOf } from '../src/core/run.js';
import { runParams } from '../src/core/runParams.js';
import { SpikingNetworkEngine } from '../src/engines/spikingNetwork.js';
import { renderFigure } from '../src/figures/render.js';
import { traceSpec } from '../src/figures/traceSpec.js';
import { lifSpikeTimes } from '../src/kernels/lifSpikeTimes.js';
import { lifConfig, lifParams, lifPopulation, lifSteadyState, lifTauM, type LifConfig } from '../src/models/lif.js';
import { noisyLifConfig, noisyLifParams, noisyLifPopulation } from '../src/models/noisyLif.js';
import { collectSpikes } from '../src/operators/collectSpikes.js';
import { collectState } from '../src/operators/collectState.js';
import { recordRun } from './recordRun.js';

/** Samples of V kept for the figure: every step of the first second at most. */
const TRACE_SECONDS = 1;

interface SingleNeuronResult {
  readonly spikes: Float64Array;
  readonly times: Float64Array;
  readonly V: Float64Array;
  readonly simulationSeconds: number;
}

/** Runs one neuron through the recorded-run path (spikes to Parquet) and keeps its spikes and V trace. */
async function runSingleNeuron(engine: SpikingNetworkEngine, duration: number, values: ParamValues, context: RunContext): Promise<SingleNeuronResult> {
  const until = Math.min(duration, TRACE_SECONDS);
  const result = await recordRun({
    engine,
    duration,
    chunk: numberParam(values, 'chunk'),
    context,
    monitor: [{ variable: 'V', neurons: [0], every: engine.dt }],
    analyse: (frames) => Promise.all([lastValueFrom(frames.pipe(collectSpikes())), lastValueFrom(frames.pipe(collectState('V', { until })))]),
  });
  const [spikes, trace] = result.analysis;
  return { spikes: spikes.t, times: trace.times, V: trace.values, simulationSeconds: result.simulationSeconds };
}

async function renderVoltage(out: string, config: LifConfig, run: SingleNeuronResult, title: string): Promise<string> {
  const until = run.times.length > 0 ? run.times[run.times.length - 1] : 0;
  const shown = run.spikes.filter((t) => t <= until);
  await renderFigure(
    traceSpec({
      t: Array.from(run.times, (t) => t * 1000),
      series: [{ name: 'V', values: Array.from(run.V, (v) => v * 1000) }],
      hlines: [
        { y: config.threshold * 1000, label: 'threshold' },
        { y: config.reset * 1000, label: 'reset' },
      ],
      marks: [{ t: Array.from(shown, (t) => t * 1000), y: config.threshold * 1000, label: 'spikes' }],
      xLabel: 'time (ms)',
      yLabel: 'V (mV)',
      title,
    }),
    join(out, 'voltage_trace.png'),
  );
  return 'voltage_trace.png';
}

function meanInterval(spikes: Float64Array): number {
  return spikes.length > 1 ? (spikes[spikes.length - 1] - spikes[0]) / (spikes.length - 1) : NaN;
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * `spikeflow run lif-neuron`: the course's single LIF under a constant current, compared with the closed-form
 * solution. With exact integration each simulated spike is recorded at the start of the step in which V crosses
 * the threshold (Brian2's convention), so it precedes the analytic crossing by less than one dt, and every ISI is
 * the analytic period rounded up to the step grid (less than one dt longer).
 */
export const lifNeuron: CommandDef = {
  name: 'lif-neuron',
  description: 'Single LIF neuron of the course (C_m 0.4 nF, g_L 20 nS, I 0.44 nA): V trace, spikes, comparison with the analytic spike times',
  params: [...lifParams, ...withDefaults(runParams, { T: 0.5 })],
  prepare(values: ParamValues) {
    const config = lifConfig(values);
    const dt = numberParam(values, 'dt');
    const duration = numberParam(values, 'T');
    stepsOf('T', duration, dt);
    const engine = new SpikingNetworkEngine({ dt, seed: numberParam(values, 'seed'), populations: [lifPopulation(config, 'neuron', 1)] });
    return {
      async run(context: RunContext) {
        const run = await runSingleNeuron(engine, duration, values, context);
        const tauM = lifTauM(config);
        const analytic = lifSpikeTimes({
          v0: config.rest,
          vInf: lifSteadyState(config),
          threshold: config.threshold,
          reset: config.reset,
          tauM,
          refractory: config.refractory,
          duration,
        });
        const period = analytic.length > 1 ? analytic[1] - analytic[0] : NaN;
        const isiErrors = Array.from(run.spikes.subarray(1), (t, k) => t - run.spikes[k] - period);
        const firstError = run.spikes.length > 0 && analytic.length > 0 ? analytic[0] - run.spikes[0] : NaN;
        const figures = context.figures ? [await renderVoltage(context.out, config, run, `LIF neuron, I = ${config.current * 1e9} nA (${config.method})`)] : [];
        return {
          spikes: run.spikes.length,
          spike_times_s: Array.from(run.spikes),
          analytic_spike_times_s: Array.from(analytic),
          first_spike_s: finite(run.spikes[0] ?? NaN),
          analytic_first_spike_s: finite(analytic[0] ?? NaN),
          first_spike_error_s: finite(firstError),
          analytic_period_s: finite(period),
          mean_isi_s: finite(meanInterval(run.spikes)),
          max_isi_error_s: isiErrors.length > 0 ? Math.max(...isiErrors.map(Math.abs)) : null,
          within_one_dt: Number.isFinite(firstError) && firstError >= 0 && firstError < dt && isiErrors.every((e) => Math.abs(e) < dt),
          rate_hz: run.spikes.length / duration,
          v_inf_mV: lifSteadyState(config) * 1000,
          tau_m_ms: tauM * 1000,
          dt,
          T: duration,
          simulation_wall_s: run.simulationSeconds,
          figures,
          params: values,
        };
      },
    };
  },
};

/** `spikeflow run noisy-lif`: the same neuron with intrinsic noise σ·√(2/τ)·ξ (Euler–Maruyama by default). */
export const noisyLifNeuron: CommandDef = {
  name: 'noisy-lif',
  description: 'Single LIF neuron with white membrane noise (σ = 0.3 mV, Euler–Maruyama): V trace, spikes, rate and ISI CV',
  params: [...noisyLifParams, ...withDefaults(runParams, { T: 0.5 })],
  prepare(values: ParamValues) {
    const config = noisyLifConfig(values);
    const dt = numberParam(values, 'dt');
    const duration = numberParam(values, 'T');
    stepsOf('T', duration, dt);
    const seed = numberParam(values, 'seed');
    const engine = new SpikingNetworkEngine({ dt, seed, populations: [noisyLifPopulation(config, 'neuron', 1)] });
    return {
      async run(context: RunContext) {
        const run = await runSingleNeuron(engine, duration, values, context);
        const intervals = Array.from(run.spikes.subarray(1), (t, k) => t - run.spikes[k]);
        const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
        const sd = Math.sqrt(intervals.reduce((a, b) => a + (b - mean) ** 2, 0) / intervals.length);
        const figures = context.figures
          ? [await renderVoltage(context.out, config, run, `Noisy LIF neuron, σ = ${config.sigma * 1000} mV (${config.method})`)]
          : [];
        return {
          spikes: run.spikes.length,
          spike_times_s: Array.from(run.spikes),
          rate_hz: run.spikes.length / duration,
          isi_cv: intervals.length > 1 ? sd / mean : null,
          sigma_mV: config.sigma * 1000,
          seed,
          T: duration,
          simulation_wall_s: run.simulationSeconds,
          figures,
          params: values,
        };
      },
    };
  },
};
