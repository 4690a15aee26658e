import { lastValueFrom, type Observable } from 'rxjs';
import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import type { Frame } from '../src/core/frame.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { runParams } from '../src/core/runParams.js';
import { parseRecordFlag, recordParams } from '../src/core/recordFlag.js';
import { stepsOf } from '../src/core/run.js';
import { createBalancedLifEngine } from '../src/engines/balancedLifEngine.js';
import { targetRateParam, tuneBalancedLifDrive } from '../src/engines/tuneBalancedLifDrive.js';
import { balancedLifConfig, balancedLifParams, type BalancedLifConfig } from '../src/models/balancedLif.js';
import type { Csr } from '../src/network/csr.js';
import { RandomStreams } from '../src/random/stream.js';
import { collectSpikes } from '../src/operators/collectSpikes.js';
import { collectState } from '../src/operators/collectState.js';
import { firingRates } from '../src/operators/firingRates.js';
import { isiCv } from '../src/operators/isiCv.js';
import { selectNeurons } from '../src/operators/selectNeurons.js';
import { renderFigure } from '../src/figures/render.js';
import { rasterSpec } from '../src/figures/rasterSpec.js';
import { traceSpec } from '../src/figures/traceSpec.js';
import { distributionSpec } from '../src/figures/distributionSpec.js';
import { loadInitialPotentials, loadNetwork } from './inputs.js';
import { recordRun } from './recordRun.js';

export const balancedLifRunParams: readonly ParamSpec[] = [
  ...balancedLifParams,
  ...runParams,
  { name: 'network', kind: 'path', description: 'edge list (.parquet or .arrow; pre:int32, post:int32) replacing the generated connectivity' },
  { name: 'init', kind: 'path', description: 'initial potentials (.parquet or .arrow; column V:float64, one row per neuron)' },
  { name: 'threads', kind: 'integer', min: 1, minInclusive: true, description: 'threads of the clock engine (default: all cores when the network has ≥ 2·10⁶ synapses, else 1)' },
  { name: 'engine', kind: 'string', choices: ['clock', 'event'], default: 'clock', description: 'clock: forward Euler on the dt grid (Brian2 order); event: exact event-driven, spike times off the grid' },
  targetRateParam,
  ...recordParams,
  { name: 'flush-every', kind: 'number', dimension: 'time', min: 0, default: 1, displayUnit: 's', description: 'commit a Parquet part at least every this much simulated time' },
];

/** How many neurons the raster shows, and how much of the run the voltage trace keeps. */
const RASTER_NEURONS = 30;
const TRACE_SECONDS = 5;

interface Analysis {
  readonly rates: Float64Array;
  readonly cvs: Float64Array;
  /** What only the figures need; absent with --no-figures, so that timed runs carry no monitor. */
  readonly figures?: FigureData;
}

interface FigureData {
  readonly raster: { neuron: Int32Array; t: Float64Array; t0: number; t1: number };
  readonly trace: { times: Float64Array; values: Float64Array };
  readonly traceSpikes: Float64Array;
}

function mean(values: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : NaN;
}

/** The neurons shown in figures, drawn from their own stream so that figures never shift the simulation. */
function monitoredNeurons(size: number, seed: number): { raster: Int32Array; traced: number } {
  const random = new RandomStreams(seed).stream('monitors');
  const count = Math.min(RASTER_NEURONS, size);
  const chosen = new Set<number>();
  const order: number[] = [];
  while (order.length < count) {
    const i = random.integer(size);
    if (!chosen.has(i)) {
      chosen.add(i);
      order.push(i);
    }
  }
  return { raster: Int32Array.from(order).sort(), traced: order[0] };
}

function analyse(frames: Observable<Frame>, monitored?: { raster: Int32Array; traced: number }): Promise<Analysis> {
  const statistics = Promise.all([lastValueFrom(frames.pipe(firingRates())), lastValueFrom(frames.pipe(isiCv({ minSpikes: 3 })))]);
  if (!monitored) return statistics.then(([rates, cvs]) => ({ rates, cvs }));
  const until = TRACE_SECONDS;
  const figureData = Promise.all([
    lastValueFrom(frames.pipe(selectNeurons(monitored.raster), collectSpikes())),
    lastValueFrom(frames.pipe(collectState('V', { until }))),
    lastValueFrom(frames.pipe(selectNeurons([monitored.traced]), collectSpikes({ until }))),
  ]);
  return Promise.all([statistics, figureData]).then(([[rates, cvs], [rasterSpikes, trace, traceSpikes]]) => ({
    rates,
    cvs,
    figures: {
      raster: { neuron: rasterSpikes.neuron, t: rasterSpikes.t, t0: rasterSpikes.t0, t1: rasterSpikes.t1 },
      trace: { times: trace.times, values: trace.values },
      traceSpikes: traceSpikes.t,
    },
  }));
}

async function renderFigures(out: string, config: BalancedLifConfig, analysis: Analysis, figureData: FigureData, raster: Int32Array, traced: number): Promise<string[]> {
  const relabelled = figureData.raster;
  const files = ['raster.png', 'voltage_trace.png', 'rate_distribution.png', 'cv_distribution.png'];
  await renderFigure(
    rasterSpec({ neuron: relabelled.neuron, t: relabelled.t, t0: relabelled.t0, t1: relabelled.t1, neurons: raster.length, title: `Spike raster of ${raster.length} random neurons` }),
    join(out, files[0]),
  );
  await renderFigure(
    traceSpec({
      t: Array.from(figureData.trace.times, (t) => t * 1000),
      series: [{ name: `V of neuron ${traced}`, values: figureData.trace.values }],
      hlines: [
        { y: config.threshold, label: 'threshold V_T' },
        { y: config.reset, label: 'reset V_R' },
      ],
      marks: [{ t: Array.from(figureData.traceSpikes, (t) => t * 1000), y: config.threshold, label: 'spikes' }],
      xLabel: 'time (ms)',
      yLabel: 'V (dimensionless)',
      title: `Membrane potential of neuron ${traced}`,
    }),
    join(out, files[1]),
  );
  await renderFigure(distributionSpec({ values: analysis.rates, xLabel: 'firing rate (Hz)', title: 'Firing rates' }), join(out, files[2]));
  await renderFigure(distributionSpec({ values: analysis.cvs, xLabel: 'CV of interspike intervals', title: 'ISI coefficients of variation (neurons with ≥ 3 spikes)' }), join(out, files[3]));
  return files;
}

function synapticEvents(csr: Csr, rates: Float64Array, duration: number): number {
  let events = 0;
  for (let i = 0; i < csr.size; i++) events += Math.round(rates[i] * duration) * (csr.offsets[i + 1] - csr.offsets[i]);
  return events;
}

export const balancedLif: CommandDef = {
  name: 'balanced-lif',
  description: 'Balanced inhibitory LIF network (seed 000): spikes to Parquet, rates, ISI CVs and the four task-1 figures',
  params: balancedLifRunParams,
  async prepare(values: ParamValues) {
    const config = balancedLifConfig(values);
    const dt = numberParam(values, 'dt');
    const duration = numberParam(values, 'T');
    const seed = numberParam(values, 'seed');
    stepsOf('T', duration, dt);
    const network = typeof values.network === 'string' ? await loadNetwork(values.network, config.size) : undefined;
    const v0 = typeof values.init === 'string' ? await loadInitialPotentials(values.init, config.size) : undefined;
    const threads = typeof values.threads === 'number' ? values.threads : undefined;
    const engineKind = values.engine === 'event' ? 'event' : 'clock';
    // tuned here, before any output exists: a target rate the network cannot reach is bad input
    const targetRate = values['target-rate'];
    const tuning = typeof targetRate === 'number' ? tuneBalancedLifDrive(config, { targetRate, dt, seed, network, v0, engine: engineKind }) : undefined;
    const engine = createBalancedLifEngine(config, { dt, seed, network, v0, threads, engine: engineKind, drive: tuning?.drive });
    const record = parseRecordFlag(values.record as string | undefined, (values['record-every'] as number | undefined) ?? dt, engine.variables, config.size, dt);
    return {
      async run(context: RunContext) {
        const { raster, traced } = monitoredNeurons(config.size, seed);
        const result = await recordRun({
          engine,
          duration,
          chunk: numberParam(values, 'chunk'),
          context,
          record,
          checkpointEvery: values['checkpoint-every'] as number | undefined,
          monitor: context.figures ? [{ variable: 'V', neurons: [traced], every: dt, until: TRACE_SECONDS }] : [],
          flushEvery: numberParam(values, 'flush-every'),
          analyse: (frames) => analyse(frames, context.figures ? { raster, traced } : undefined),
        });
        const { rates, cvs } = result.analysis;
        const figureData = result.analysis.figures;
        const figures = figureData ? await renderFigures(context.out, config, result.analysis, figureData, raster, traced) : [];
        return {
          N: config.size,
          K: config.inDegree,
          T: duration,
          seed,
          spikes: result.spikes,
          mean_rate_hz: mean(rates),
          mean_cv: mean(cvs),
          cv_neurons: cvs.reduce((n, v) => (v === v ? n + 1 : n), 0),
          synaptic_events: synapticEvents(engine.csr, rates, duration),
          simulation_wall_s: result.simulationSeconds,
          threads: 'threads' in engine ? engine.threads : 1,
          peak_rss_mb: process.resourceUsage().maxRSS / 1024,
          traced_neuron: traced,
          ...(tuning ? { drive: tuning.drive, tuned_rate_hz: tuning.rate, tuning_runs: tuning.trials.length } : {}),
          figures,
          params: values,
        };
      },
    };
  },
};
