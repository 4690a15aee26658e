import { Subject, lastValueFrom } from 'rxjs';
import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import type { Frame } from '../src/core/frame.js';
import { withDefaults } from '../src/core/paramDefaults.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { runFrames, stepsOf } from '../src/core/run.js';
import { runParams } from '../src/core/runParams.js';
import { SpikingNetworkEngine } from '../src/engines/spikingNetwork.js';
import { panelSpec } from '../src/figures/panelSpec.js';
import { rasterSpec } from '../src/figures/rasterSpec.js';
import { renderFigure } from '../src/figures/render.js';
import { traceSpec } from '../src/figures/traceSpec.js';
import { spikeTrainReliability } from '../src/kernels/spikeTrainReliability.js';
import { noisyLifConfig, noisyLifParams, noisyLifPopulation, type NoisyLifConfig } from '../src/models/noisyLif.js';
import { collectSpikes } from '../src/operators/collectSpikes.js';
import { collectState } from '../src/operators/collectState.js';
import { RandomStreams } from '../src/random/stream.js';
import { writeColumnTable } from '../pipelines/columnTable.js';

export const reliabilityParams: readonly ParamSpec[] = [
  ...noisyLifParams,
  { name: 'trials', kind: 'integer', min: 2, minInclusive: true, default: 25, description: 'trials per condition' },
  { name: 'frozen-sd', kind: 'number', dimension: 'current', min: 0, minInclusive: true, default: 0.2e-9, displayUnit: 'nA', description: 'standard deviation of the frozen fluctuating current' },
  { name: 'frozen-dt', kind: 'number', dimension: 'time', min: 0, default: 1e-3, displayUnit: 'ms', description: 'sample interval of the frozen current (a multiple of dt)' },
  { name: 'filter-sigma', kind: 'number', dimension: 'time', min: 0, default: 2e-3, displayUnit: 'ms', description: 'width σ of the Gaussian filter of the reliability measure' },
  ...withDefaults(runParams, { T: 0.5 }),
];

/** Trials whose voltage the figure shows per condition. */
const TRACED_TRIALS = 5;

interface ConditionResult {
  readonly trains: Float64Array[];
  readonly reliability: number;
  readonly rate: number;
}

function splitTrains(neuron: Int32Array, t: Float64Array, first: number, count: number): Float64Array[] {
  const lists: number[][] = Array.from({ length: count }, () => []);
  for (let k = 0; k < neuron.length; k++) {
    const trial = neuron[k] - first;
    if (trial >= 0 && trial < count) lists[trial].push(t[k]);
  }
  return lists.map((list) => Float64Array.from(list));
}

function condition(trains: Float64Array[], sigma: number, duration: number): ConditionResult {
  const spikes = trains.reduce((n, train) => n + train.length, 0);
  return { trains, reliability: spikeTrainReliability(trains, sigma), rate: spikes / (trains.length * duration) };
}

async function renderReliabilityFigures(
  out: string,
  config: NoisyLifConfig,
  trials: number,
  duration: number,
  trace: { times: Float64Array; values: Float64Array; neurons: Int32Array },
  results: { constant: ConditionResult; frozen: ConditionResult },
): Promise<string[]> {
  const t = Array.from(trace.times, (s) => s * 1000);
  const columns = trace.neurons.length;
  const seriesOf = (first: number) =>
    Array.from({ length: TRACED_TRIALS }, (_, k) => ({
      name: `trial ${k + 1}`,
      values: Array.from({ length: trace.times.length }, (_, s) => trace.values[s * columns + first + k] * 1000),
    }));
  const hlines = [{ y: config.threshold * 1000, label: 'threshold' }];
  const voltage = panelSpec(
    [
      traceSpec({ t, series: seriesOf(0), hlines, xLabel: 'time (ms)', yLabel: 'V (mV)', title: 'Constant current' }),
      traceSpec({ t, series: seriesOf(TRACED_TRIALS), hlines, xLabel: 'time (ms)', yLabel: 'V (mV)', title: 'Same frozen fluctuating current in every trial' }),
    ],
    { columns: 1, title: `Membrane potential of ${TRACED_TRIALS} trials per condition` },
  );
  const rasterOf = (result: ConditionResult, title: string) => {
    const neuron: number[] = [];
    const times: number[] = [];
    result.trains.forEach((train, trial) => train.forEach((time) => (neuron.push(trial), times.push(time))));
    return rasterSpec({ neuron: Int32Array.from(neuron), t: Float64Array.from(times), t0: 0, t1: duration, neurons: trials, timeUnit: 'ms', title });
  };
  const raster = panelSpec(
    [
      rasterOf(results.constant, `Constant current: reliability ${results.constant.reliability.toFixed(3)}`),
      rasterOf(results.frozen, `Frozen fluctuating current: reliability ${results.frozen.reliability.toFixed(3)}`),
    ],
    { columns: 1, title: `Spike rasters, ${trials} trials per condition` },
  );
  await renderFigure(voltage, join(out, 'voltage_traces.png'));
  await renderFigure(raster, join(out, 'rasters.png'));
  return ['voltage_traces.png', 'rasters.png'];
}

/**
 * `spikeflow analyze reliability`: Mainen & Sejnowski (1995) with the course's noisy LIF. `trials` independent
 * noisy neurons (one per trial: same start at E_L, independent intrinsic noise) receive the constant I_stim,
 * and `trials` more receive I_stim plus one frozen fluctuating current — Gaussian samples of s.d. `frozen-sd`
 * held for `frozen-dt`, drawn once from the `frozen-current` stream and replayed as a timed array in every
 * trial. Both conditions use the same reset. Reliability is Schreiber et al.'s (2003) mean pairwise correlation
 * of Gaussian-filtered spike trains (`spikeTrainReliability`). Writes `spikes.parquet` (condition 0 constant,
 * 1 frozen; trial; t), the V traces and the rasters.
 */
export const reliability: CommandDef = {
  name: 'reliability',
  description: 'Mainen–Sejnowski spike-timing reliability: constant vs frozen fluctuating current, noisy LIF, correlation measure',
  params: reliabilityParams,
  prepare(values: ParamValues) {
    const config = noisyLifConfig(values);
    const dt = numberParam(values, 'dt');
    const duration = numberParam(values, 'T');
    const seed = numberParam(values, 'seed');
    const trials = numberParam(values, 'trials');
    const frozenDt = numberParam(values, 'frozen-dt');
    const sigma = numberParam(values, 'filter-sigma');
    stepsOf('T', duration, dt);
    stepsOf('frozen-dt', frozenDt, dt);
    const samples = Math.ceil(duration / frozenDt - 1e-9);
    const frozen = new RandomStreams(seed).stream('frozen-current').fillNormal(new Float64Array(samples), 0, numberParam(values, 'frozen-sd'));
    const engine = new SpikingNetworkEngine({
      dt,
      seed,
      populations: [
        noisyLifPopulation(config, 'constant', trials),
        noisyLifPopulation(config, 'frozen', trials, { timedCurrent: { values: frozen, dt: frozenDt } }),
      ],
    });
    return {
      async run(context: RunContext) {
        const traced = Int32Array.from({ length: 2 * TRACED_TRIALS }, (_, k) => (k < TRACED_TRIALS ? k : trials + k - TRACED_TRIALS));
        const frames = new Subject<Frame>();
        const collected = Promise.all([
          lastValueFrom(frames.pipe(collectSpikes())),
          lastValueFrom(frames.pipe(collectState('V', { until: Math.min(duration, 1) }))),
        ]);
        const source = runFrames(engine, { duration, chunk: numberParam(values, 'chunk'), record: [{ variable: 'V', neurons: traced, every: dt }] });
        for await (const frame of source) {
          frames.next(frame);
          if (frame.kind === 'spikes') context.progress.update(frame.t1, duration, 's simulated');
        }
        frames.complete();
        const [spikes, trace] = await collected;
        const results = {
          constant: condition(splitTrains(spikes.neuron, spikes.t, 0, trials), sigma, duration),
          frozen: condition(splitTrains(spikes.neuron, spikes.t, trials, trials), sigma, duration),
        };
        const conditionColumn = Int32Array.from(spikes.neuron, (n) => (n < trials ? 0 : 1));
        const trialColumn = Int32Array.from(spikes.neuron, (n) => n % trials);
        await writeColumnTable(join(context.out, 'spikes.parquet'), { condition: conditionColumn, trial: trialColumn, t: spikes.t });
        const figures = context.figures ? await renderReliabilityFigures(context.out, config, trials, duration, trace, results) : [];
        return {
          reliability_constant: results.constant.reliability,
          reliability_frozen: results.frozen.reliability,
          rate_constant_hz: results.constant.rate,
          rate_frozen_hz: results.frozen.rate,
          measure: `Schreiber et al. (2003) correlation of spike trains filtered with a Gaussian of σ = ${sigma * 1000} ms`,
          trials,
          T: duration,
          seed,
          tables: ['spikes.parquet'],
          figures,
          params: values,
        };
      },
    };
  },
};
