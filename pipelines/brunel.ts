import { lastValueFrom, reduce, skipWhile, type Observable } from 'rxjs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import { invalidParameter } from '../src/core/errors.js';
import type { Frame } from '../src/core/frame.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { stepsOf } from '../src/core/run.js';
import { runParams } from '../src/core/runParams.js';
import { withDefaults } from '../src/core/paramDefaults.js';
import { SpikingNetworkEngine } from '../src/engines/spikingNetwork.js';
import { rasterSpec } from '../src/figures/rasterSpec.js';
import { renderFigure } from '../src/figures/render.js';
import { traceSpec } from '../src/figures/traceSpec.js';
import { xySpec } from '../src/figures/xySpec.js';
import { classifyBrunelState, type BrunelState } from '../src/kernels/classifyBrunelState.js';
import { peakToMedianPower } from '../src/kernels/peakToMedianPower.js';
import {
  brunelConfig,
  brunelExternalRate,
  brunelNetworkSpec,
  brunelParams,
  brunelThresholdRate,
  type BrunelConfig,
  type BrunelConnectivity,
} from '../src/models/brunel.js';
import { collectSpikes } from '../src/operators/collectSpikes.js';
import { populationRate } from '../src/operators/populationRate.js';
import { populationSpectrum } from '../src/operators/populationSpectrum.js';
import { populationStats } from '../src/operators/populationStats.js';
import { selectNeurons } from '../src/operators/selectNeurons.js';
import { synchrony } from '../src/operators/synchrony.js';
import { RandomStreams } from '../src/random/stream.js';
import { recordRun } from './recordRun.js';

/** Bin of the χ estimate: population events of the fast oscillation last about a millisecond. */
export const BRUNEL_CHI_BIN = 1e-3;
/** Bin of the population rate whose spectrum is taken: resolves oscillations up to 1 kHz (SR reaches ~700 Hz). */
export const BRUNEL_RATE_BIN = 0.5e-3;

export const brunelAnalysisParams: readonly ParamSpec[] = [
  { name: 'transient', kind: 'number', dimension: 'time', min: 0, minInclusive: true, default: 0.1, displayUnit: 's', description: 'initial time left out of every statistic (rounded up to a frame boundary)' },
  { name: 'spectrum-segment', kind: 'number', dimension: 'time', min: 0, default: 0.2, displayUnit: 's', description: 'Welch segment of the population-rate spectrum (shortened to the analysed time if longer)' },
];

export const brunelRunParams: readonly ParamSpec[] = [
  ...brunelParams,
  ...withDefaults(runParams, { T: 1 }),
  ...brunelAnalysisParams,
  { name: 'threads', kind: 'integer', min: 1, minInclusive: true, description: 'simulation threads (default: all cores for networks of ≥ 2·10⁶ synapses, else 1); results do not depend on it' },
];

/** Below this many synapses a second thread costs more in barriers than it saves. */
const PARALLEL_MIN_SYNAPSES = 2_000_000;

/** The thread count of a Brunel run: the requested one, or all cores for large networks. */
export function brunelThreads(config: BrunelConfig, requested: unknown): number {
  if (typeof requested === 'number') return requested;
  const size = config.excitatory + config.inhibitory;
  return size * (config.inDegreeE + config.inDegreeI) >= PARALLEL_MIN_SYNAPSES ? availableParallelism() : 1;
}

/** The summary statistics and state of one Brunel run, over the frames after the transient. */
export interface BrunelStats {
  readonly meanRate: number;
  readonly meanCv: number;
  readonly rateE: number;
  readonly rateI: number;
  readonly cvE: number;
  readonly cvI: number;
  readonly chi: number;
  readonly peakFrequency: number;
  readonly peakToMedian: number;
  readonly state: BrunelState;
  /** Start of the analysed window (the first frame boundary at or after the transient). */
  readonly analysedFrom: number;
  readonly spectrum: { readonly frequency: Float64Array; readonly power: Float64Array };
}

export interface BrunelAnalysisOptions {
  readonly transient: number;
  readonly duration: number;
  readonly segment: number;
}

/** The Welch segment actually used: at most the analysed duration, a whole number of rate bins. */
export function brunelSegment(options: BrunelAnalysisOptions): number {
  const analysed = options.duration - options.transient;
  const bins = Math.floor(Math.min(options.segment, analysed) / BRUNEL_RATE_BIN + 1e-9);
  return Math.max(2, bins) * BRUNEL_RATE_BIN;
}

/**
 * Rates and CVs per population (populationStats), Golomb's χ in 1 ms bins (synchrony), the spectrum of the
 * population rate in 0.5 ms bins (populationSpectrum) and the state by `classifyBrunelState`, all over the frames
 * that start at or after the transient.
 */
export async function analyseBrunel(frames: Observable<Frame>, config: BrunelConfig, options: BrunelAnalysisOptions): Promise<BrunelStats> {
  const size = config.excitatory + config.inhibitory;
  const after = frames.pipe(skipWhile((frame) => frame.t0 < options.transient - 1e-9));
  const [stats, chi, spectrum, analysedFrom] = await Promise.all([
    lastValueFrom(
      after.pipe(
        populationStats({
          populations: [
            { name: 'all', start: 0, count: size },
            { name: 'E', start: 0, count: config.excitatory },
            { name: 'I', start: config.excitatory, count: config.inhibitory },
          ],
        }),
      ),
    ),
    lastValueFrom(after.pipe(synchrony({ binWidth: BRUNEL_CHI_BIN }))),
    lastValueFrom(after.pipe(populationSpectrum({ binWidth: BRUNEL_RATE_BIN, segment: brunelSegment(options) }))),
    lastValueFrom(after.pipe(reduce((first, frame) => (first === first ? first : frame.t0), NaN))),
  ]);
  const [all, e, i] = stats;
  const peakToMedian = peakToMedianPower(spectrum.frequency, spectrum.power);
  const features = { meanRate: all.meanRate, meanCv: all.meanCv, chi: chi.chi, peakFrequency: spectrum.peakFrequency, peakToMedian };
  return {
    ...features,
    rateE: e.meanRate,
    rateI: i.meanRate,
    cvE: e.meanCv,
    cvI: i.meanCv,
    state: classifyBrunelState(features),
    analysedFrom,
    spectrum: { frequency: spectrum.frequency, power: spectrum.power },
  };
}

/** Builds the engine; shared by the pipeline and the phase-diagram workers. */
export function createBrunelEngine(config: BrunelConfig, setup: { dt: number; seed: number; connectivity?: BrunelConnectivity; threads?: number }): SpikingNetworkEngine {
  return new SpikingNetworkEngine(brunelNetworkSpec(config, setup));
}

/** Cross-parameter checks of a Brunel run, before any output exists. */
export function checkBrunelTiming(config: BrunelConfig, values: ParamValues): { dt: number; duration: number; transient: number; segment: number } {
  const dt = numberParam(values, 'dt');
  const duration = numberParam(values, 'T');
  const transient = numberParam(values, 'transient');
  stepsOf('T', duration, dt);
  stepsOf('D', config.delay, dt);
  stepsOf('t-ref', config.refractory, dt);
  if (!(transient + 2 * BRUNEL_RATE_BIN < duration)) throw invalidParameter('transient', transient, `less than T = ${duration} s (with time left to analyse)`);
  return { dt, duration, transient, segment: numberParam(values, 'spectrum-segment') };
}

/** Neurons shown in the raster: 40 E and 10 I at random (`monitors` stream), sorted, E first. */
function rasterNeurons(config: BrunelConfig, seed: number): Int32Array {
  const random = new RandomStreams(seed).stream('monitors');
  const pick = (start: number, size: number, count: number): number[] => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, size)) chosen.add(start + random.integer(size));
    return [...chosen].sort((a, b) => a - b);
  };
  return Int32Array.from([...pick(0, config.excitatory, 40), ...pick(config.excitatory, config.inhibitory, 10)]);
}

interface WindowData {
  readonly raster: { neuron: Int32Array; t: Float64Array };
  readonly rate: { t: Float64Array; rate: Float64Array };
}

/** The spikes of the raster neurons and the population rate over the figure window [from, T). */
function collectWindow(frames: Observable<Frame>, shown: Int32Array, from: number): Promise<WindowData> {
  const windowed = frames.pipe(skipWhile((frame) => frame.t0 < from - 1e-9));
  return Promise.all([
    lastValueFrom(windowed.pipe(selectNeurons(shown), collectSpikes())),
    lastValueFrom(
      windowed.pipe(
        populationRate({ binWidth: BRUNEL_RATE_BIN }),
        reduce(
          (acc, bins) => {
            acc.t.push(...bins.t);
            acc.rate.push(...bins.rate);
            return acc;
          },
          { t: [] as number[], rate: [] as number[] },
        ),
      ),
      { defaultValue: { t: [], rate: [] } },
    ),
  ]).then(([spikes, rate]) => ({
    raster: { neuron: spikes.neuron, t: spikes.t },
    rate: { t: Float64Array.from(rate.t), rate: Float64Array.from(rate.rate) },
  }));
}

async function renderBrunelFigures(out: string, config: BrunelConfig, stats: BrunelStats, window: WindowData, from: number, duration: number): Promise<string[]> {
  const label = `g = ${config.g}, η = ${config.eta}: ${stats.state}`;
  const files = ['raster.png', 'population_rate.png', 'spectrum.png'];
  await renderFigure(
    rasterSpec({
      neuron: window.raster.neuron,
      t: window.raster.t,
      t0: from,
      t1: duration,
      neurons: 50,
      dividers: [40],
      timeUnit: 'ms',
      title: `Spike raster, 40 E (below the line) and 10 I neurons, ${label}`,
    }),
    join(out, files[0]),
  );
  await renderFigure(
    traceSpec({
      t: Array.from(window.rate.t, (t) => (t + BRUNEL_RATE_BIN / 2) * 1000),
      series: [{ name: 'population rate', values: window.rate.rate }],
      hlines: [{ y: stats.meanRate, label: `mean rate ${stats.meanRate.toFixed(1)} Hz`, dash: true }],
      xLabel: 'time (ms)',
      yLabel: `population rate (Hz, ${BRUNEL_RATE_BIN * 1000} ms bins)`,
      title: `Population activity, ${label}`,
    }),
    join(out, files[1]),
  );
  const positive = stats.spectrum.frequency.map((f, k) => (f > 0 && stats.spectrum.power[k] > 0 ? 1 : 0));
  const frequency = stats.spectrum.frequency.filter((_, k) => positive[k] === 1);
  const power = stats.spectrum.power.filter((_, k) => positive[k] === 1);
  await renderFigure(
    xySpec({
      series: [{ name: 'power spectral density', x: frequency, y: power, mark: 'line' }],
      xLabel: 'frequency (Hz)',
      yLabel: 'PSD of the population rate (Hz²/Hz)',
      logY: true,
      title: `Population-rate spectrum, peak ${stats.peakFrequency.toFixed(1)} Hz, ${label}`,
    }),
    join(out, files[2]),
  );
  return files;
}

/** The JSON-safe number (NaN and ±∞ become null in summary.json). */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export const brunel: CommandDef = {
  name: 'brunel',
  description: 'Brunel (2000) sparse E/I network: spikes to Parquet, rates, CV, χ, population spectrum and the network state (SR, SI-fast, SI-slow, AI; AR or Q at the edges)',
  params: brunelRunParams,
  prepare(values: ParamValues) {
    const config = brunelConfig(values);
    const timing = checkBrunelTiming(config, values);
    const seed = numberParam(values, 'seed');
    const engine = createBrunelEngine(config, { dt: timing.dt, seed, threads: brunelThreads(config, values.threads) });
    return {
      async run(context: RunContext) {
        const shown = rasterNeurons(config, seed);
        const windowFrom = Math.max(timing.transient, timing.duration - 0.2);
        const result = await recordRun({
          engine,
          duration: timing.duration,
          chunk: numberParam(values, 'chunk'),
          context,
          analyse: (frames) =>
            Promise.all([analyseBrunel(frames, config, { ...timing }), context.figures ? collectWindow(frames, shown, windowFrom) : undefined]),
        });
        const [stats, window] = result.analysis;
        const figures = window ? await renderBrunelFigures(context.out, config, stats, window, Math.max(windowFrom, stats.analysedFrom), timing.duration) : [];
        return {
          state: stats.state,
          mean_rate_hz: finite(stats.meanRate),
          mean_cv: finite(stats.meanCv),
          chi: finite(stats.chi),
          pop_peak_hz: finite(stats.peakFrequency),
          peak_to_median_power: finite(stats.peakToMedian),
          rate_e_hz: finite(stats.rateE),
          rate_i_hz: finite(stats.rateI),
          cv_e: finite(stats.cvE),
          cv_i: finite(stats.cvI),
          g: config.g,
          eta: config.eta,
          nu_thr_hz: brunelThresholdRate(config),
          nu_ext_hz: brunelExternalRate(config),
          C_E: config.inDegreeE,
          C_I: config.inDegreeI,
          N: config.excitatory + config.inhibitory,
          T: timing.duration,
          analysed_from_s: stats.analysedFrom,
          seed,
          threads: engine.threads,
          spikes: result.spikes,
          simulation_wall_s: result.simulationSeconds,
          figures,
          params: values,
        };
      },
    };
  },
};
