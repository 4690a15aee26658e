import { lastValueFrom, type Observable } from 'rxjs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { CommandDef, RunContext } from '../src/core/command.js';
import type { Frame } from '../src/core/frame.js';
import type { NumberParam, ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { runParams } from '../src/core/runParams.js';
import { parseRecordFlag, recordParams } from '../src/core/recordFlag.js';
import { stepsOf, type StateRecording } from '../src/core/run.js';
import { IZHIKEVICH_DT, createIzhikevichNetwork } from '../src/engines/izhikevichNetwork.js';
import { IZHIKEVICH_PEAK, IZHIKEVICH_TYPES, izhikevichConfig, izhikevichParams, type IzhikevichNetworkConfig } from '../src/models/izhikevich.js';
import { RandomStreams } from '../src/random/stream.js';
import { blockMeans } from '../src/kernels/blockMeans.js';
import { collectSpikes, type CollectedSpikes } from '../src/operators/collectSpikes.js';
import { collectState, type CollectedState } from '../src/operators/collectState.js';
import { populationSpectrum, type PopulationSpectrumResult } from '../src/operators/populationSpectrum.js';
import { populationStats, type PopulationStats } from '../src/operators/populationStats.js';
import { synchrony } from '../src/operators/synchrony.js';
import { renderFigure } from '../src/figures/render.js';
import { rasterSpec } from '../src/figures/rasterSpec.js';
import { traceSpec } from '../src/figures/traceSpec.js';
import { heatmapSpec } from '../src/figures/heatmapSpec.js';
import { xySpec } from '../src/figures/xySpec.js';
import { panelSpec } from '../src/figures/panelSpec.js';
import { recordRun } from './recordRun.js';

/** The shared run flags without dt (the network's step is fixed at 1 ms), and T defaulting to the seed's 1 s. */
const runFlags = runParams
  .filter((spec) => spec.name !== 'dt')
  .map((spec): ParamSpec => (spec.name === 'T' ? { ...(spec as NumberParam), default: 1, description: 'simulated duration (a multiple of the 1 ms step)' } : spec));

export const izhikevichRunParams: readonly ParamSpec[] = [
  ...izhikevichParams,
  ...runFlags,
  {
    name: 'spectrum-segment',
    kind: 'number',
    dimension: 'time',
    min: 0.002,
    minInclusive: true,
    default: 0.5,
    displayUnit: 's',
    description: 'Welch segment of the population-rate spectrum (1 ms bins; shortened to T if longer); resolution ≈ 1/segment',
  },
  ...recordParams,
  { name: 'flush-every', kind: 'number', dimension: 'time', min: 0, default: 1, displayUnit: 's', description: 'commit a Parquet part at least every this much simulated time' },
];

/** Figures show the first second: the seed's window, and bounded data however long the run. */
const FIGURE_SECONDS = 1;
/** Bin width of Golomb's χ: about the width of the network's population bursts. */
const CHI_BIN = 0.005;
/** Blocks of the input-current heatmap: 2 ms × 10 neurons. */
const HEATMAP_STEPS = 2;
const HEATMAP_NEURONS = 10;

interface Analysis {
  readonly stats: PopulationStats[];
  readonly spectrum: PopulationSpectrumResult;
  readonly chi: number;
  readonly raster: CollectedSpikes;
  readonly v?: CollectedState;
  readonly u?: CollectedState;
  readonly I?: CollectedState;
}

/** One E and one I neuron to trace, from their own stream so that figures never shift the simulation. */
function tracedNeurons(config: IzhikevichNetworkConfig, seed: number): number[] {
  const random = new RandomStreams(seed).stream('monitors');
  const traced = [random.integer(config.excitatory)];
  if (config.inhibitory > 0) traced.push(config.excitatory + random.integer(config.inhibitory));
  return traced;
}

function analyse(frames: Observable<Frame>, config: IzhikevichNetworkConfig, segment: number, figures: boolean): Promise<Analysis> {
  const until = FIGURE_SECONDS;
  const populations = [{ name: 'E', start: 0, count: config.excitatory }];
  if (config.inhibitory > 0) populations.push({ name: 'I', start: config.excitatory, count: config.inhibitory });
  const state = (variable: string) => (figures ? lastValueFrom(frames.pipe(collectState(variable, { until }))) : Promise.resolve(undefined));
  return Promise.all([
    lastValueFrom(frames.pipe(populationStats({ populations }))),
    lastValueFrom(frames.pipe(populationSpectrum({ binWidth: IZHIKEVICH_DT, segment }))),
    lastValueFrom(frames.pipe(synchrony({ binWidth: CHI_BIN }))),
    lastValueFrom(frames.pipe(collectSpikes({ until }))),
    state('v'),
    state('u'),
    state('I'),
  ]).then(([stats, spectrum, chi, raster, v, u, I]) => ({ stats, spectrum, chi: chi.chi, raster, v, u, I }));
}

function typeLabel(config: IzhikevichNetworkConfig, population: 'E' | 'I'): string {
  return population === 'E' ? config.typeE : config.typeI;
}

function columnOf(state: CollectedState, neuron: number): Float64Array {
  const k = state.neurons.indexOf(neuron);
  const width = state.neurons.length;
  return Float64Array.from({ length: state.times.length }, (_, s) => state.values[s * width + k]);
}

function inputCurrentSpec(config: IzhikevichNetworkConfig, I: CollectedState): TopLevelSpec {
  const samples = I.times.length;
  const size = I.neurons.length;
  const grid = blockMeans(I.values, samples, size, HEATMAP_STEPS, HEATMAP_NEURONS);
  const nx = Math.ceil(samples / HEATMAP_STEPS);
  const ny = Math.ceil(size / HEATMAP_NEURONS);
  // blockMeans gives time blocks as rows; the heatmap wants neuron groups as rows
  const z = new Float64Array(nx * ny);
  for (let ix = 0; ix < nx; ix++) for (let iy = 0; iy < ny; iy++) z[iy * nx + ix] = grid[ix * ny + iy];
  const x = Float64Array.from({ length: nx }, (_, ix) => (I.times[0] + (ix * HEATMAP_STEPS + (Math.min(HEATMAP_STEPS, samples - ix * HEATMAP_STEPS) - 1) / 2) * IZHIKEVICH_DT) * 1000);
  const y = Float64Array.from({ length: ny }, (_, iy) => iy * HEATMAP_NEURONS + (Math.min(HEATMAP_NEURONS, size - iy * HEATMAP_NEURONS) - 1) / 2);
  const heatmap = heatmapSpec({
    x,
    y,
    z,
    xLabel: 'time (ms)',
    yLabel: `neuron (E below ${config.excitatory}, I above)`,
    zLabel: 'input I',
    title: `Input current per neuron (means over ${HEATMAP_STEPS} ms × ${HEATMAP_NEURONS} neurons)`,
  });
  const meanOver = (start: number, count: number) => {
    const out = new Float64Array(samples);
    for (let s = 0; s < samples; s++) {
      let sum = 0;
      for (let k = start; k < start + count; k++) sum += I.values[s * size + k];
      out[s] = sum / count;
    }
    return out;
  };
  const series = [{ name: `mean over E (${typeLabel(config, 'E')})`, values: meanOver(0, config.excitatory) }];
  if (config.inhibitory > 0) series.push({ name: `mean over I (${typeLabel(config, 'I')})`, values: meanOver(config.excitatory, config.inhibitory) });
  const means = traceSpec({ t: Array.from(I.times, (t) => t * 1000), series, xLabel: 'time (ms)', yLabel: 'input I', title: 'Population-mean input current' });
  return panelSpec([heatmap, means], { columns: 1, title: 'Input currents: thalamic noise plus recurrent spikes' });
}

function tracesSpec(config: IzhikevichNetworkConfig, v: CollectedState, u: CollectedState, raster: CollectedSpikes, traced: number[]): TopLevelSpec {
  const t = Array.from(v.times, (time) => time * 1000);
  const label = (neuron: number) => `${neuron < config.excitatory ? 'E' : 'I'} neuron ${neuron}`;
  const marks = traced.map((neuron) => {
    const times: number[] = [];
    for (let k = 0; k < raster.t.length; k++) if (raster.neuron[k] === neuron) times.push(raster.t[k] * 1000);
    return { t: times, y: IZHIKEVICH_PEAK, label: `spikes of ${label(neuron)}` };
  });
  const vPanel = traceSpec({
    t,
    series: traced.map((neuron) => ({ name: label(neuron), values: columnOf(v, neuron) })),
    marks,
    hlines: [{ y: IZHIKEVICH_PEAK, label: 'peak 30 mV' }],
    xLabel: 'time (ms)',
    yLabel: 'v (mV)',
    title: 'Membrane potential v (reset at the step of each spike; spikes marked at 30 mV)',
  });
  const uPanel = traceSpec({
    t,
    series: traced.map((neuron) => ({ name: label(neuron), values: columnOf(u, neuron) })),
    xLabel: 'time (ms)',
    yLabel: 'u',
    title: 'Recovery variable u',
  });
  return panelSpec([vPanel, uPanel], { columns: 1, title: 'One excitatory and one inhibitory neuron' });
}

/** The spectrum figure stops here: the rhythms are below 100 Hz and above it lies the flat spiking-noise floor. */
const SPECTRUM_MAX_HZ = 150;

function spectrumSpec(spectrum: PopulationSpectrumResult): TopLevelSpec {
  let end = 1;
  while (end < spectrum.frequency.length && spectrum.frequency[end] <= SPECTRUM_MAX_HZ) end++;
  return xySpec({
    series: [
      { name: 'power spectral density', x: spectrum.frequency.subarray(1, end), y: spectrum.power.subarray(1, end), mark: 'line' },
      { name: `peak ${+spectrum.peakFrequency.toFixed(2)} Hz`, x: [spectrum.peakFrequency], y: [spectrum.peakPower], mark: 'point' },
    ],
    xLabel: 'frequency (Hz)',
    yLabel: 'PSD of the population rate (Hz²/Hz)',
    logY: true,
    title: `Population-rate spectrum up to ${SPECTRUM_MAX_HZ} Hz (Welch, ${spectrum.segments} Hann segments of ${spectrum.segmentLength} ms)`,
  });
}

async function renderFigures(out: string, config: IzhikevichNetworkConfig, analysis: Analysis, traced: number[]): Promise<string[]> {
  const files: string[] = [];
  const { raster } = analysis;
  const size = config.excitatory + config.inhibitory;
  if (raster.t1 > raster.t0) {
    await renderFigure(
      rasterSpec({
        neuron: raster.neuron,
        t: raster.t,
        t0: raster.t0,
        t1: raster.t1,
        neurons: size,
        dividers: config.inhibitory > 0 ? [config.excitatory] : [],
        title: `Izhikevich network: ${config.excitatory} ${typeLabel(config, 'E')} excitatory (below the line), ${config.inhibitory} ${typeLabel(config, 'I')} inhibitory`,
      }),
      join(out, 'raster.png'),
    );
    files.push('raster.png');
  }
  if (analysis.I && analysis.I.times.length > 0) {
    await renderFigure(inputCurrentSpec(config, analysis.I), join(out, 'input_currents.png'));
    files.push('input_currents.png');
  }
  if (analysis.v && analysis.u && analysis.v.times.length > 0) {
    await renderFigure(tracesSpec(config, analysis.v, analysis.u, raster, traced), join(out, 'v_u_traces.png'));
    files.push('v_u_traces.png');
  }
  if (analysis.spectrum.segments > 0) {
    await renderFigure(spectrumSpec(analysis.spectrum), join(out, 'population_spectrum.png'));
    files.push('population_spectrum.png');
  }
  return files;
}

/** JSON has no NaN: undefined statistics are written as null. */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export const izhikevich: CommandDef = {
  name: 'izhikevich',
  description: 'Izhikevich (2003) network of 800 RS excitatory and 200 LTS inhibitory neurons (seed 003): rates, population rhythm, raster, currents, v/u traces',
  params: izhikevichRunParams,
  prepare(values: ParamValues) {
    const config = izhikevichConfig(values);
    const duration = numberParam(values, 'T');
    const seed = numberParam(values, 'seed');
    stepsOf('T', duration, IZHIKEVICH_DT);
    const requested = numberParam(values, 'spectrum-segment');
    stepsOf('spectrum-segment', requested, IZHIKEVICH_DT);
    // a run shorter than one segment gets one segment of its whole length (and none below 2 bins: no spectrum)
    const segment = Math.max(2 * IZHIKEVICH_DT, Math.min(requested, duration));
    const engine = createIzhikevichNetwork(config, { seed });
    const size = engine.size;
    const record = parseRecordFlag(values.record as string | undefined, (values['record-every'] as number | undefined) ?? IZHIKEVICH_DT, engine.variables, size, IZHIKEVICH_DT);
    return {
      async run(context: RunContext) {
        const traced = tracedNeurons(config, seed);
        const every = IZHIKEVICH_DT;
        const monitor: StateRecording[] = context.figures
          ? [
              { variable: 'v', neurons: traced, every },
              { variable: 'u', neurons: traced, every },
              { variable: 'I', neurons: 'all', every },
            ]
          : [];
        const result = await recordRun({
          engine,
          duration,
          chunk: numberParam(values, 'chunk'),
          context,
          record,
          checkpointEvery: values['checkpoint-every'] as number | undefined,
          monitor,
          flushEvery: numberParam(values, 'flush-every'),
          analyse: (frames) => analyse(frames, config, segment, context.figures),
        });
        const { stats, spectrum, chi } = result.analysis;
        const [e, i] = stats;
        const figures = context.figures ? await renderFigures(context.out, config, result.analysis, traced) : [];
        return {
          NE: config.excitatory,
          NI: config.inhibitory,
          T: duration,
          seed,
          preset: config.preset,
          w_e: config.weightE,
          w_i: config.weightI,
          type_e: config.typeE,
          type_i: config.typeI,
          hetero_towards_e: config.towardsE,
          hetero_towards_i: config.towardsI,
          type_parameters: { E: IZHIKEVICH_TYPES[config.typeE], I: IZHIKEVICH_TYPES[config.typeI] },
          spikes: result.spikes,
          rate_e_hz: finite(e.meanRate),
          rate_i_hz: i ? finite(i.meanRate) : null,
          cv_e: finite(e.meanCv),
          cv_i: i ? finite(i.meanCv) : null,
          pop_peak_hz: finite(spectrum.peakFrequency),
          pop_peak_power: finite(spectrum.peakPower),
          spectrum_segment_s: segment,
          spectrum_segments: spectrum.segments,
          spectrum_resolution_hz: 1 / (spectrum.fftLength * IZHIKEVICH_DT),
          chi: finite(chi),
          chi_bin_ms: CHI_BIN * 1000,
          simulation_wall_s: result.simulationSeconds,
          traced_neurons: traced,
          figures,
          params: values,
        };
      },
    };
  },
};
