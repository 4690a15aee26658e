import { Subject, lastValueFrom, reduce } from 'rxjs';
import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import { invalidParameter } from '../src/core/errors.js';
import { isStateFrame, type Frame } from '../src/core/frame.js';
import { withDefaults } from '../src/core/paramDefaults.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { runFrames, stepsOf } from '../src/core/run.js';
import { runParams } from '../src/core/runParams.js';
import { SpikingNetworkEngine, type ProjectionSpec } from '../src/engines/spikingNetwork.js';
import { panelSpec } from '../src/figures/panelSpec.js';
import { renderFigure } from '../src/figures/render.js';
import { traceSpec } from '../src/figures/traceSpec.js';
import { lifExpSynConfig, lifExpSynParams, lifExpSynPopulation, type LifExpSynConfig } from '../src/models/lifExpSyn.js';
import { collectSpikes } from '../src/operators/collectSpikes.js';
import { collectState } from '../src/operators/collectState.js';
import { fanoFactor } from '../src/operators/fanoFactor.js';
import { firingRates } from '../src/operators/firingRates.js';
import { isiCv } from '../src/operators/isiCv.js';
import { selectNeurons } from '../src/operators/selectNeurons.js';

export const poissonInputParams: readonly ParamSpec[] = [
  ...withDefaults(lifExpSynParams, { 'i-stim': 0 }),
  { name: 'inputs-e', kind: 'integer', min: 0, minInclusive: true, default: 8000, description: 'excitatory Poisson inputs' },
  { name: 'inputs-i', kind: 'integer', min: 0, minInclusive: true, default: 2000, description: 'inhibitory Poisson inputs' },
  { name: 'input-rate', kind: 'number', dimension: 'frequency', min: 0, minInclusive: true, default: 2, displayUnit: 'Hz', description: 'rate of every Poisson input' },
  { name: 'w-all-e', kind: 'number', dimension: 'current', default: 0.01e-9, displayUnit: 'nA', description: 'weight of every input in the excitatory-only condition' },
  { name: 'w-e', kind: 'number', dimension: 'current', default: 0.02e-9, displayUnit: 'nA', description: 'excitatory weight in the E/I condition' },
  { name: 'w-i', kind: 'number', dimension: 'current', default: -0.0625e-9, displayUnit: 'nA', description: 'inhibitory weight in the E/I condition (negative)' },
  { name: 'fano-window', kind: 'number', dimension: 'time', min: 0, default: 0.1, displayUnit: 's', description: 'counting window of the inputs’ Fano factor' },
  ...withDefaults(runParams, { T: 10 }),
];

/** Seconds of I_syn and V kept for the figures. */
const TRACE_SECONDS = 0.5;

interface Moments {
  count: number;
  mean: number;
  m2: number;
}

/** Welford's running mean and variance of one recorded neuron's I_syn, over all samples of the run. */
function currentMoments(column: number) {
  return reduce<Frame, Moments>(
    (acc, frame) => {
      if (!isStateFrame(frame) || frame.variable !== 'I_syn') return acc;
      const stride = frame.neurons.length;
      for (let s = 0; s < frame.times.length; s++) {
        const x = frame.values[s * stride + column];
        acc.count++;
        const delta = x - acc.mean;
        acc.mean += delta / acc.count;
        acc.m2 += delta * (x - acc.mean);
      }
      return acc;
    },
    { count: 0, mean: 0, m2: 0 },
  );
}

interface Condition {
  readonly name: string;
  readonly label: string;
  readonly neuron: number;
  /** Σ over inputs of rate·w (A/s): the mean current is this times τ_syn (Campbell's theorem). */
  readonly driveRate: number;
  /** Σ rate·w²: the current variance is this times τ_syn/2. */
  readonly driveSquare: number;
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

async function renderPoissonFigures(
  out: string,
  config: LifExpSynConfig,
  conditions: readonly Condition[],
  current: { times: Float64Array; values: Float64Array },
  voltage: { times: Float64Array; values: Float64Array },
  spikes: readonly Float64Array[],
): Promise<string[]> {
  const ms = (times: Float64Array) => Array.from(times, (t) => t * 1000);
  const column = (values: Float64Array, k: number, scale: number) => Array.from({ length: values.length / 2 }, (_, s) => values[2 * s + k] * scale);
  const until = voltage.times.length > 0 ? voltage.times[voltage.times.length - 1] : 0;
  const panels = conditions.map((condition, k) =>
    panelSpec(
      [
        traceSpec({
          t: ms(current.times),
          series: [{ name: 'I_syn', values: column(current.values, k, 1e9) }],
          hlines: [{ y: (condition.driveRate * config.tauSyn) * 1e9, label: 'rate·N·w·τ_syn' }, { y: (config.leak * (config.threshold - config.rest)) * 1e9, label: 'rheobase' }],
          xLabel: 'time (ms)',
          yLabel: 'I_syn (nA)',
          title: `${condition.label}: synaptic current`,
        }),
        traceSpec({
          t: ms(voltage.times),
          series: [{ name: 'V', values: column(voltage.values, k, 1e3) }],
          hlines: [{ y: config.threshold * 1e3, label: 'threshold' }],
          marks: [{ t: Array.from(spikes[k].filter((t) => t <= until), (t) => t * 1000), y: config.threshold * 1e3, label: 'spikes' }],
          xLabel: 'time (ms)',
          yLabel: 'V (mV)',
          title: `${condition.label}: membrane potential`,
        }),
      ],
      { columns: 1 },
    ),
  );
  await renderFigure(panelSpec(panels, { columns: 2, title: 'Mean-driven (left) and fluctuation-driven (right) firing' }), join(out, 'current_and_voltage.png'));
  return ['current_and_voltage.png'];
}

/**
 * `spikeflow analyze poisson-input`: the course's LIF with an exponential synaptic current (τ_syn = 5 ms) driven by
 * 10 000 Poisson inputs at 2 Hz, in two conditions that see the same input spikes: all inputs excitatory with
 * +0.01 nA (mean current rate·N·w·τ_syn = 1 nA, well above the 0.4 nA rheobase: mean-driven, regular firing), and
 * 8000 excitatory with +0.02 nA against 2000 inhibitory with −0.0625 nA (mean 0.35 nA, below the rheobase, larger
 * fluctuations: fluctuation-driven, irregular firing). Reports the measured and theoretical mean (and s.d.) of
 * I_syn, the output rate and ISI CV of each neuron, and the inputs' rate and Fano factor.
 */
export const poissonInput: CommandDef = {
  name: 'poisson-input',
  description: 'One LIF with exponential synaptic current under 10 000 Poisson inputs: excitatory-only (mean-driven) vs E/I (fluctuation-driven)',
  params: poissonInputParams,
  prepare(values: ParamValues) {
    const config = lifExpSynConfig(values);
    const dt = numberParam(values, 'dt');
    const duration = numberParam(values, 'T');
    const seed = numberParam(values, 'seed');
    const inputsE = numberParam(values, 'inputs-e');
    const inputsI = numberParam(values, 'inputs-i');
    const rate = numberParam(values, 'input-rate');
    const fanoWindow = numberParam(values, 'fano-window');
    stepsOf('T', duration, dt);
    if (inputsE + inputsI === 0) throw invalidParameter('inputs-e', inputsE, 'at least one input (with inputs-i)');
    if (!(fanoWindow * 2 <= duration)) throw invalidParameter('fano-window', fanoWindow, `at most T/2 = ${duration / 2} s`);
    const weights = { allE: numberParam(values, 'w-all-e'), e: numberParam(values, 'w-e'), i: numberParam(values, 'w-i') };
    const inputs = inputsE + inputsI;
    const conditions: Condition[] = [
      { name: 'excitatory-only', label: 'Excitatory only', neuron: inputs, driveRate: rate * inputs * weights.allE, driveSquare: rate * inputs * weights.allE ** 2 },
      {
        name: 'excitation-inhibition',
        label: 'Excitation and inhibition',
        neuron: inputs + 1,
        driveRate: rate * (inputsE * weights.e + inputsI * weights.i),
        driveSquare: rate * (inputsE * weights.e ** 2 + inputsI * weights.i ** 2),
      },
    ];
    const all = { kind: 'probability' as const, p: 1 };
    const projections: ProjectionSpec[] = [
      { pre: 'inputs-e', post: 'excitatory-only', connectivity: all, weight: weights.allE },
      { pre: 'inputs-i', post: 'excitatory-only', connectivity: all, weight: weights.allE },
      { pre: 'inputs-e', post: 'excitation-inhibition', connectivity: all, weight: weights.e },
      { pre: 'inputs-i', post: 'excitation-inhibition', connectivity: all, weight: weights.i },
    ];
    const engine = new SpikingNetworkEngine({
      dt,
      seed,
      populations: [
        { kind: 'poisson', name: 'inputs-e', size: inputsE, rate },
        { kind: 'poisson', name: 'inputs-i', size: inputsI, rate },
        lifExpSynPopulation(config, 'excitatory-only', 1),
        lifExpSynPopulation(config, 'excitation-inhibition', 1),
      ],
      projections,
    });
    return {
      async run(context: RunContext) {
        const targets = [inputs, inputs + 1];
        const inputIds = Int32Array.from({ length: inputs }, (_, k) => k);
        const frames = new Subject<Frame>();
        const traceUntil = Math.min(duration, TRACE_SECONDS);
        const analysis = Promise.all([
          lastValueFrom(frames.pipe(currentMoments(0))),
          lastValueFrom(frames.pipe(currentMoments(1))),
          lastValueFrom(frames.pipe(selectNeurons(targets), isiCv({ minSpikes: 3 }))),
          lastValueFrom(frames.pipe(selectNeurons(targets), collectSpikes())),
          lastValueFrom(frames.pipe(selectNeurons(inputIds), firingRates())),
          lastValueFrom(frames.pipe(selectNeurons(inputIds), fanoFactor({ window: fanoWindow }))),
          lastValueFrom(frames.pipe(collectState('I_syn', { until: traceUntil }))),
          lastValueFrom(frames.pipe(collectState('V', { until: traceUntil }))),
        ]);
        const record = ['I_syn', 'V'].map((variable) => ({ variable, neurons: targets, every: dt }));
        for await (const frame of runFrames(engine, { duration, chunk: numberParam(values, 'chunk'), record })) {
          frames.next(frame);
          if (frame.kind === 'spikes') context.progress.update(frame.t1, duration, 's simulated');
        }
        frames.complete();
        const [momentsE, momentsEI, cvs, outSpikes, inputRates, fano, current, voltage] = await analysis;
        const trains = [0, 1].map((k) => outSpikes.t.filter((_, s) => outSpikes.neuron[s] === k));
        const inputRate = inputRates.reduce((a, b) => a + b, 0) / inputRates.length;
        const figures = context.figures ? await renderPoissonFigures(context.out, config, conditions, current, voltage, trains) : [];
        const report = (condition: Condition, moments: Moments, k: number) => ({
          mean_current_nA: moments.mean * 1e9,
          theory_mean_current_nA: condition.driveRate * config.tauSyn * 1e9,
          sd_current_nA: Math.sqrt(moments.m2 / moments.count) * 1e9,
          theory_sd_current_nA: Math.sqrt((condition.driveSquare * config.tauSyn) / 2) * 1e9,
          rate_hz: trains[k].length / duration,
          isi_cv: finite(cvs[k]),
          regime: condition.driveRate * config.tauSyn > config.leak * (config.threshold - config.rest) ? 'mean-driven' : 'fluctuation-driven',
        });
        const excitatoryOnly = report(conditions[0], momentsE, 0);
        const mixed = report(conditions[1], momentsEI, 1);
        return {
          mean_current_exc_only_nA: excitatoryOnly.mean_current_nA,
          mean_current_ei_nA: mixed.mean_current_nA,
          cv_exc_only: excitatoryOnly.isi_cv,
          cv_ei: mixed.isi_cv,
          'excitatory-only': excitatoryOnly,
          'excitation-inhibition': mixed,
          rheobase_nA: config.leak * (config.threshold - config.rest) * 1e9,
          input_rate_hz: inputRate,
          input_fano_factor: finite(fano.mean),
          inputs,
          T: duration,
          seed,
          figures,
          params: values,
        };
      },
    };
  },
};
