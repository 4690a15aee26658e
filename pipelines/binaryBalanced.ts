import { lastValueFrom, type Observable } from 'rxjs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { CommandDef, RunContext } from '../src/core/command.js';
import { invalidParameter } from '../src/core/errors.js';
import type { Frame } from '../src/core/frame.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { parseRecordFlag, recordParams } from '../src/core/recordFlag.js';
import { stepsOf, type StateRecording } from '../src/core/run.js';
import { BinaryBalancedEngine } from '../src/engines/binaryBalancedEngine.js';
import { panelSpec } from '../src/figures/panelSpec.js';
import { renderFigure } from '../src/figures/render.js';
import { traceSpec } from '../src/figures/traceSpec.js';
import type { BalanceSolution } from '../src/kernels/balanceSolution.js';
import { binaryBalance, binaryBalancedConfig, binaryBalancedParams, binaryMeanFieldOf, type BinaryBalancedConfig } from '../src/models/binaryBalanced.js';
import { collectState, type CollectedState } from '../src/operators/collectState.js';
import { populationMean } from '../src/operators/populationMean.js';
import { populationStats } from '../src/operators/populationStats.js';
import { selectNeurons } from '../src/operators/selectNeurons.js';
import { RandomStreams } from '../src/random/stream.js';
import { driveFrames } from './driveFrames.js';
import { recordRun } from './recordRun.js';

/** Timing flags of the binary network: the dynamics are event-driven in continuous time; dt is only the sampling grid. */
export const binaryTimingParams: readonly ParamSpec[] = [
  { name: 'T', kind: 'number', dimension: 'time', min: 0, default: 2, displayUnit: 's', description: 'simulated duration (a multiple of dt)' },
  { name: 'transient', kind: 'number', dimension: 'time', min: 0, minInclusive: true, default: 0.2, displayUnit: 's', description: 'time excluded from the measured activities m_E, m_I' },
  { name: 'dt', kind: 'number', dimension: 'time', min: 0, default: 1e-4, displayUnit: 'ms', description: 'sampling grid of the state (updates happen at exact Poisson times; dt never changes them)' },
  { name: 'sample-every', kind: 'number', dimension: 'time', min: 0, default: 1e-3, displayUnit: 'ms', description: 'interval at which the population activities are sampled (a multiple of dt)' },
  { name: 'seed', kind: 'integer', min: 0, minInclusive: true, default: 0, description: 'master seed of the named streams (connectivity, init, updates)' },
];

export const binaryBalancedRunParams: readonly ParamSpec[] = [
  ...binaryBalancedParams,
  ...binaryTimingParams,
  { name: 'trace-duration', kind: 'number', dimension: 'time', min: 0, default: 0.2, displayUnit: 's', description: 'length of the input traces of one excitatory unit (figure), from the end of the transient' },
  { name: 'chunk', kind: 'number', dimension: 'time', min: 0, default: 0.05, displayUnit: 's', description: 'simulated time per frame (never changes results)' },
  ...recordParams.filter((spec) => spec.name !== 'checkpoint-every'),
  { name: 'flush-every', kind: 'number', dimension: 'time', min: 0, default: 1, displayUnit: 's', description: 'commit a Parquet part at least every this much simulated time' },
];

export interface BinaryTiming {
  readonly duration: number;
  readonly transient: number;
  readonly dt: number;
  readonly sampleEvery: number;
}

/** Reads and checks the timing flags: T and the sampling interval on the dt grid, and a measured window after the transient. */
export function binaryTiming(values: ParamValues): BinaryTiming {
  const duration = numberParam(values, 'T');
  const transient = numberParam(values, 'transient');
  const dt = numberParam(values, 'dt');
  const sampleEvery = numberParam(values, 'sample-every');
  stepsOf('T', duration, dt);
  stepsOf('sample-every', sampleEvery, dt);
  if (!(transient < duration)) throw invalidParameter('transient', transient, `less than T = ${duration} s`);
  return { duration, transient, dt, sampleEvery };
}

export interface BinaryActivity {
  /** Population activities m_E(t), m_I(t) sampled every `sampleEvery`. */
  readonly times: Float64Array;
  readonly mE: Float64Array;
  readonly mI: Float64Array;
  /** Their time averages over samples at or after the transient. */
  readonly meanE: number;
  readonly meanI: number;
}

/** The populations of a configuration as neuron ranges (E first). */
export function binaryPopulations(config: BinaryBalancedConfig) {
  return [
    { name: 'E', start: 0, count: config.excitatory },
    { name: 'I', start: config.excitatory, count: config.inhibitory },
  ];
}

/** m_E(t), m_I(t) from the frames of `sigma` (population-mean operator), averaged after the transient. */
export function binaryActivity(frames: Observable<Frame>, config: BinaryBalancedConfig, transient: number): Promise<BinaryActivity> {
  return lastValueFrom(frames.pipe(populationMean('sigma', binaryPopulations(config)), collectState('mean(sigma)'))).then((activity) => {
    const samples = activity.times.length;
    const mE = Float64Array.from({ length: samples }, (_, s) => activity.values[2 * s]);
    const mI = Float64Array.from({ length: samples }, (_, s) => activity.values[2 * s + 1]);
    let sumE = 0;
    let sumI = 0;
    let count = 0;
    for (let s = 0; s < samples; s++) {
      if (activity.times[s] < transient) continue;
      sumE += mE[s];
      sumI += mI[s];
      count++;
    }
    return { times: activity.times, mE, mI, meanE: count > 0 ? sumE / count : NaN, meanI: count > 0 ? sumI / count : NaN };
  });
}

export interface BinaryPointResult {
  readonly K: number;
  readonly m0: number;
  readonly mE: number;
  readonly mI: number;
  readonly balanceE: number;
  readonly balanceI: number;
  /** Finite-K mean-field prediction. */
  readonly meanFieldE: number;
  readonly meanFieldI: number;
  readonly updates: number;
  readonly wallSeconds: number;
}

/** One run without output files: the measured time-averaged activities next to the balance solution. */
export async function runBinaryPoint(config: BinaryBalancedConfig, timing: BinaryTiming, seed: number | string): Promise<BinaryPointResult> {
  const started = performance.now();
  const engine = new BinaryBalancedEngine({ config, dt: timing.dt, seed });
  const activity = await driveFrames(
    engine,
    { duration: timing.duration, chunk: Math.max(timing.sampleEvery, 0.05), record: [{ variable: 'sigma', neurons: 'all', every: timing.sampleEvery }] },
    (frames) => binaryActivity(frames, config, timing.transient),
  );
  const balance = binaryBalance(config);
  const meanField = binaryMeanFieldOf(config);
  return {
    K: config.K,
    m0: config.m0,
    mE: activity.meanE,
    mI: activity.meanI,
    balanceE: balance.mE,
    balanceI: balance.mI,
    meanFieldE: meanField.mE,
    meanFieldI: meanField.mI,
    updates: engine.updateCount,
    wallSeconds: (performance.now() - started) / 1000,
  };
}

interface RunAnalysis {
  readonly activity: BinaryActivity;
  readonly transitionRates: { E: number; I: number };
  readonly inputs: { times: Float64Array; excitatory: Float64Array; inhibitory: Float64Array; input: Float64Array } | undefined;
}

function traceColumn(state: CollectedState): Float64Array {
  return Float64Array.from(state.values);
}

function analyseRun(frames: Observable<Frame>, config: BinaryBalancedConfig, timing: BinaryTiming, traced: number, traceUntil: number): Promise<RunAnalysis> {
  const tracedFrames = frames.pipe(selectNeurons([traced]));
  return Promise.all([
    binaryActivity(frames, config, timing.transient),
    lastValueFrom(frames.pipe(populationStats({ populations: binaryPopulations(config) }))),
    lastValueFrom(tracedFrames.pipe(collectState('excitatory', { until: traceUntil }))),
    lastValueFrom(tracedFrames.pipe(collectState('inhibitory', { until: traceUntil }))),
    lastValueFrom(tracedFrames.pipe(collectState('input', { until: traceUntil }))),
  ]).then(([activity, stats, excitatory, inhibitory, input]) => ({
    activity,
    transitionRates: { E: stats[0].meanRate, I: stats[1].meanRate },
    inputs: { times: excitatory.times, excitatory: traceColumn(excitatory), inhibitory: traceColumn(inhibitory), input: traceColumn(input) },
  }));
}

function inputFigure(config: BinaryBalancedConfig, analysis: RunAnalysis, balance: BalanceSolution, traced: number, from: number): TopLevelSpec {
  const panels: TopLevelSpec[] = [];
  const inputs = analysis.inputs;
  if (inputs && inputs.times.length > 0) {
    let first = 0;
    while (first < inputs.times.length && inputs.times[first] < from) first++;
    const slice = (a: Float64Array) => a.subarray(first);
    const total = Float64Array.from(slice(inputs.excitatory), (e, k) => e + inputs.inhibitory[first + k]);
    panels.push(
      traceSpec({
        t: Array.from(slice(inputs.times), (t) => t * 1000),
        series: [
          { name: 'E input (incl. external)', values: slice(inputs.excitatory) },
          { name: 'I input', values: slice(inputs.inhibitory) },
          { name: 'net input E + I', values: total },
        ],
        hlines: [{ y: config.thetaE, label: `threshold θ_E = ${config.thetaE}` }],
        xLabel: 'time (ms)',
        yLabel: 'input',
        title: `Inputs to excitatory unit ${traced}: large E and I cancel to O(1) around the threshold`,
        maxPoints: 6000,
      }),
    );
  }
  const { activity } = analysis;
  let first = 0;
  while (first < activity.times.length && activity.times[first] < from) first++;
  panels.push(
    traceSpec({
      t: Array.from(activity.times.subarray(first), (t) => t * 1000),
      series: [
        { name: 'm_E(t)', values: activity.mE.subarray(first) },
        { name: 'm_I(t)', values: activity.mI.subarray(first) },
      ],
      hlines:
        balance.mE === balance.mI
          ? [{ y: balance.mE, label: `balance solution m_E = m_I = ${+balance.mE.toPrecision(3)}` }]
          : [
              { y: balance.mE, label: `balance m_E = ${+balance.mE.toPrecision(3)}` },
              { y: balance.mI, label: `balance m_I = ${+balance.mI.toPrecision(3)}` },
            ],
      xLabel: 'time (ms)',
      yLabel: 'population activity',
      title: 'Population activities after the transient',
    }),
  );
  return panelSpec(panels, {
    columns: 1,
    title: `Balanced binary network: N_E = ${config.excitatory}, N_I = ${config.inhibitory}, K = ${config.K}, m0 = ${config.m0}`,
    panelHeight: 220,
  });
}

/**
 * `spikeflow run binary-balanced`: the balanced binary network of van Vreeswijk & Sompolinsky, event-driven with
 * exact Poisson update times (`BinaryBalancedEngine`). Up-transitions (0 → 1) are written as spikes to
 * `DIR/spikes/` Parquet parts. The population activities m_E(t), m_I(t) come from a population-mean operator over
 * the frames of `sigma`; their time averages after the transient are reported next to the large-K balance solution
 * and the finite-K mean-field prediction (whose difference from the balance solution is the expected O(1/√K) offset).
 * The figure shows one excitatory unit's E, I and net input and the population activities.
 */
export const binaryBalanced: CommandDef = {
  name: 'binary-balanced',
  description: 'Balanced binary E/I network (van Vreeswijk & Sompolinsky; seeds 001–002): m_E, m_I against the balance solution, input traces',
  params: binaryBalancedRunParams,
  prepare(values: ParamValues) {
    const config = binaryBalancedConfig(values);
    const timing = binaryTiming(values);
    const seed = numberParam(values, 'seed');
    const traceDuration = numberParam(values, 'trace-duration');
    const engine = new BinaryBalancedEngine({ config, dt: timing.dt, seed });
    const record: StateRecording[] = parseRecordFlag(values.record as string | undefined, (values['record-every'] as number | undefined) ?? timing.dt, engine.variables, engine.size, timing.dt);
    return {
      async run(context: RunContext) {
        const traced = new RandomStreams(seed).stream('monitors').integer(config.excitatory);
        const traceUntil = Math.min(timing.duration, timing.transient + traceDuration);
        const monitor: StateRecording[] = [
          { variable: 'sigma', neurons: 'all', every: timing.sampleEvery },
          ...(['excitatory', 'inhibitory', 'input'] as const).map((variable) => ({ variable, neurons: [traced], every: timing.dt })),
        ];
        const result = await recordRun({
          engine,
          duration: timing.duration,
          chunk: numberParam(values, 'chunk'),
          context,
          record,
          monitor,
          flushEvery: numberParam(values, 'flush-every'),
          analyse: (frames) => analyseRun(frames, config, timing, traced, traceUntil),
        });
        const balance = binaryBalance(config);
        const meanField = binaryMeanFieldOf(config);
        const { activity, transitionRates } = result.analysis;
        const figures: string[] = [];
        if (context.figures) {
          await renderFigure(inputFigure(config, result.analysis, balance, traced, timing.transient), join(context.out, 'inputs.png'));
          figures.push('inputs.png');
        }
        return {
          NE: config.excitatory,
          NI: config.inhibitory,
          K: config.K,
          m0: config.m0,
          m_e: activity.meanE,
          m_i: activity.meanI,
          balance_m_e: balance.mE,
          balance_m_i: balance.mI,
          balance_slope_e: balance.slopeE,
          balance_slope_i: balance.slopeI,
          balance_feasible: balance.feasible,
          offset_e: activity.meanE - balance.mE,
          offset_i: activity.meanI - balance.mI,
          mean_field_m_e: meanField.mE,
          mean_field_m_i: meanField.mI,
          mean_field_converged: meanField.converged,
          up_transitions_per_unit_hz: transitionRates,
          updates: engine.updateCount,
          spikes: result.spikes,
          traced_unit: traced,
          tau_e: config.tauE,
          tau_i: config.tauI,
          T: timing.duration,
          transient: timing.transient,
          dt: timing.dt,
          seed,
          update_scheme: 'exact asynchronous Poisson updates: one superposed Poisson process of rate N_E/τ_E + N_I/τ_I, each event assigned to a population by its share of the rate and to a uniform unit in it',
          simulation_wall_s: result.simulationSeconds,
          tables: record.length > 0 ? ['spikes', 'state'] : ['spikes'],
          figures,
          params: values,
        };
      },
    };
  },
};
