import type { Engine, EngineState, SpikeRecorder } from '../core/engine.js';
import { invalidParameter } from '../core/errors.js';
import { stepsOf } from '../core/run.js';
import { binomialTable } from '../kernels/binomialTable.js';
import { addDiscreteSamples, type DiscreteTable } from '../kernels/discreteInversion.js';
import { lifPropagator, type IntegrationMethod } from '../kernels/lifPropagator.js';
import { poissonTable } from '../kernels/poissonTable.js';
import { bernoulliProjection } from '../network/bernoulliProjection.js';
import type { Csr } from '../network/csr.js';
import { fixedInDegreeProjection } from '../network/fixedInDegreeProjection.js';
import { RandomStreams } from '../random/stream.js';
import { Xoshiro128, type Xoshiro128State } from '../random/xoshiro128.js';
import {
  drainArrivals,
  drainArrivalsUnlessRefractory,
  drainArrivalsWithCounts,
  drainArrivalsWithCountsUnlessRefractory,
  stepDelta,
  stepDeltaNoise,
  stepDeltaNoiseRefractory,
  stepDeltaRefractory,
  stepExponential,
  stepExponentialNoise,
  stepExponentialNoiseRefractory,
  stepExponentialRefractory,
  type LifStepArrays,
  type LifStepConstants,
} from './lifSteps.js';

/** A sampled time series used as an input current (Brian2's TimedArray): `values[k]` holds on [k·dt, (k+1)·dt). */
export interface TimedArray {
  /** Current in amperes, one value per sample. */
  readonly values: Float64Array;
  /** Sample interval in seconds, a whole multiple of the simulation step. */
  readonly dt: number;
}

/**
 * A population of leaky integrate-and-fire neurons,
 *   dV/dt = (E_L − V)/τ_m + (I + I_timed(t) + I_syn)/C_m + σ·√(2/τ_m)·ξ(t),   dI_syn/dt = −I_syn/τ_syn,
 * spiking when V > threshold, then V ← reset. Without `tauSyn` synapses are delta pulses added to V (volts);
 * with it they are jumps of I_syn (amperes). `noise` (σ, volts) makes the model stochastic: valid methods are
 * then euler-maruyama and exact; deterministic models take exact, euler or rk4.
 */
export interface LifPopulationSpec {
  readonly kind: 'lif';
  readonly name: string;
  readonly size: number;
  readonly tauM: number;
  /** C_m in farads; needed when the population receives currents (constant, timed or synaptic). */
  readonly capacitance?: number;
  /** Resting potential E_L in volts (default 0). */
  readonly rest?: number;
  readonly threshold: number;
  readonly reset: number;
  /** Absolute refractory period in seconds, a multiple of dt (default 0). */
  readonly refractory?: number;
  /** Constant input current in amperes: one value for all neurons or one per neuron. */
  readonly current?: number | Float64Array;
  /** A time series of input current shared by all neurons, added to `current`. */
  readonly timedCurrent?: TimedArray;
  /** σ in volts; its presence makes the model stochastic (σ = 0 is a stochastic model without noise). */
  readonly noise?: number;
  /** Synaptic time constant in seconds: exponential synaptic currents instead of delta pulses. */
  readonly tauSyn?: number;
  readonly method: IntegrationMethod;
  /** Initial V: one value for all neurons or one per neuron. */
  readonly v0: number | Float64Array;
}

/** Neurons that fire independently with probability rate·dt per step (Brian2's PoissonGroup). */
export interface PoissonPopulationSpec {
  readonly kind: 'poisson';
  readonly name: string;
  readonly size: number;
  /** Rate in Hz; rate·dt must not exceed 1. */
  readonly rate: number;
}

export type PopulationSpec = LifPopulationSpec | PoissonPopulationSpec;

export type ConnectivitySpec =
  /** Each pair independently with probability p. */
  | { readonly kind: 'probability'; readonly p: number; readonly autapses?: boolean }
  /** Exactly k distinct presynaptic partners per postsynaptic neuron. */
  | { readonly kind: 'in-degree'; readonly k: number; readonly autapses?: boolean }
  /** A given CSR: rows presynaptic (local indices), targets postsynaptic (local); per-synapse weights optional. */
  | { readonly kind: 'csr'; readonly csr: Csr }
  /** All pairs, with a presynaptic-major weight matrix of preSize × postSize. */
  | { readonly kind: 'dense'; readonly weights: Float64Array };

/**
 * Synapses from one population to another, all with the same delay. The weight is added to the target's
 * synaptic variable (V for delta synapses, I_syn for exponential ones) on arrival; a per-synapse weight
 * (CSR weights or a dense matrix) replaces `weight`.
 */
export interface ProjectionSpec {
  readonly pre: string;
  readonly post: string;
  readonly connectivity: ConnectivitySpec;
  readonly weight?: number;
  /** Transmission delay in seconds, a whole number of steps (default 0: delivered within the step). */
  readonly delay?: number;
}

/**
 * `synapses` independent Poisson inputs at `rate` to every neuron of `target`, each of effect `weight`, drawn as
 * one count per neuron per step (Brian2's PoissonInput): Poisson(synapses·rate·dt), the exact count of the
 * continuous-time superposition, or Binomial(synapses, rate·dt), Brian2's at-most-one-spike-per-step form.
 */
export interface ExternalPoissonSpec {
  readonly target: string;
  readonly synapses: number;
  readonly rate: number;
  readonly weight: number;
  readonly count?: 'poisson' | 'binomial';
}

export interface SpikingNetworkSpec {
  readonly dt: number;
  /** Master seed of the named random streams (connectivity/…, noise, external, poisson/…). */
  readonly seed: number;
  readonly populations: readonly PopulationSpec[];
  readonly projections?: readonly ProjectionSpec[];
  readonly external?: readonly ExternalPoissonSpec[];
}

/** Where a population's neurons sit in the engine's global index space. */
export interface PopulationIndexRange {
  readonly name: string;
  readonly kind: 'lif' | 'poisson';
  readonly start: number;
  readonly size: number;
}

const DETERMINISTIC_METHODS: readonly IntegrationMethod[] = ['exact', 'euler', 'rk4'];
const STOCHASTIC_METHODS: readonly IntegrationMethod[] = ['euler-maruyama', 'exact'];
/** lastSpike of a neuron that never spiked: far enough back that no refractory period reaches the start. */
const NEVER = -(2 ** 30);

type StepCase = 'delta' | 'delta-refractory' | 'delta-noise' | 'delta-noise-refractory' | 'exp' | 'exp-refractory' | 'exp-noise' | 'exp-noise-refractory';

interface LifRuntime {
  readonly kind: 'lif';
  readonly index: number;
  readonly constants: LifStepConstants;
  readonly stepCase: StepCase;
  readonly refractory: boolean;
  readonly noisy: boolean;
  readonly reset: number;
  /** Input arrives in I_syn (exponential synapses) rather than V. */
  readonly synapticCurrent: boolean;
  /** ΔV∞ of the timed input per sample (I_timed/g_L), or undefined. */
  readonly timedShift?: Float64Array;
  readonly stepsPerSample: number;
  readonly external: readonly ExternalRuntime[];
}

interface PoissonRuntime {
  readonly kind: 'poisson';
  readonly index: number;
  /** Position among the Poisson populations: its random lane and skip counter. */
  readonly lane: number;
  readonly start: number;
  readonly size: number;
  /** log(1 − p) of the per-step firing probability; −Infinity when p = 1. */
  readonly logMiss: number;
  readonly probability: number;
}

interface ExternalRuntime {
  readonly table: DiscreteTable;
  readonly weight: number;
}

interface ProjectionRuntime {
  readonly pre: number;
  readonly preStart: number;
  readonly postStart: number;
  readonly postSize: number;
  readonly delaySteps: number;
  readonly weight: number;
  readonly offsets?: Int32Array;
  readonly targets?: Uint16Array | Int32Array;
  readonly weights?: Float64Array;
  readonly dense?: Float64Array;
}

/**
 * A clock-driven network of LIF-family populations and Poisson sources with delayed, population-pair synapses.
 *
 * Update order of every step n (t = n·dt), Brian2's default schedule:
 * 1. **state update** of every LIF population by its propagator (input current held over the step; refractory
 *    neurons are skipped, as Brian2's `(unless refractory)`), fused with
 * 2. **threshold**: V > threshold (strict) and not refractory; the spike is recorded at t = n·dt (the start of
 *    the step, as Brian2 records it) and starts the refractory period. Poisson sources fire here too.
 * 3. **synaptic propagation**: this step's spikes are added to the ring-buffer slot of step n + delay; then the
 *    slot of step n, plus this step's external Poisson counts, is added to each target's V or I_syn. A delay of 0
 *    delivers within the step; a delay of D steps delivers at step n + D, after that step's threshold, so its
 *    effect is tested first at step n + D + 1. Input to V of a refractory neuron is discarded (Brian2).
 * 4. **reset** of the neurons that spiked: V ← reset (after delivery, so it overrides same-step input).
 * A refractory period of R steps after a spike at step s keeps V frozen through step s + R − 1; the neuron
 * integrates and may fire again from step s + R (Brian2's `timestep(t − lastspike) >= timestep(refractory)`).
 *
 * Random draws: connectivity from `connectivity/<pre>-><post>`, noise from `noise`, external counts from
 * `external`, Poisson sources from `poisson/<name>` (each a fast xoshiro128** lane seeded from its named stream).
 */
export class SpikingNetworkEngine implements Engine {
  readonly size: number;
  readonly dt: number;
  readonly variables = ['V', 'I_syn'] as const;
  readonly populations: readonly PopulationIndexRange[];
  step = 0;
  private readonly V: Float64Array;
  private readonly I: Float64Array;
  private readonly vInf: Float64Array;
  private readonly lastSpike: Int32Array;
  private readonly normals: Float64Array;
  private readonly spiking: Int32Array;
  private readonly words: Uint32Array;
  private readonly ring: Float64Array;
  private readonly slots: number;
  private readonly arrays: LifStepArrays;
  private readonly lif: readonly LifRuntime[];
  private readonly poisson: readonly PoissonRuntime[];
  private readonly runtimes: readonly (LifRuntime | PoissonRuntime)[];
  private readonly projections: readonly ProjectionRuntime[];
  /** Spike-list range [spikeStart[p], spikeEnd[p]) of population p in the current step. */
  private readonly spikeStart: Int32Array;
  private readonly spikeEnd: Int32Array;
  /** Per Poisson population: trials to skip before its next spike, counted from the start of the next step. */
  private readonly poissonSkip: Float64Array;
  private noiseRandom: Xoshiro128;
  private externalRandom: Xoshiro128;
  private poissonRandom: Xoshiro128[];
  private readonly refineExternal: () => number;

  constructor(spec: SpikingNetworkSpec) {
    const dt = spec.dt;
    if (!(dt > 0 && Number.isFinite(dt))) throw invalidParameter('dt', dt, 'a positive time step');
    this.dt = dt;
    const streams = new RandomStreams(spec.seed);
    const ranges: PopulationIndexRange[] = [];
    const byName = new Map<string, number>();
    let total = 0;
    for (const population of spec.populations) {
      if (byName.has(population.name)) throw invalidParameter('population', population.name, 'unique population names');
      if (!(Number.isInteger(population.size) && population.size >= 0)) throw invalidParameter(`${population.name} size`, population.size, 'an integer ≥ 0');
      byName.set(population.name, ranges.length);
      ranges.push({ name: population.name, kind: population.kind, start: total, size: population.size });
      total += population.size;
    }
    this.size = total;
    this.populations = ranges;
    this.V = new Float64Array(total);
    this.I = new Float64Array(total);
    this.vInf = new Float64Array(total);
    this.lastSpike = new Int32Array(total).fill(NEVER);
    this.normals = new Float64Array(total);
    this.spiking = new Int32Array(total);
    this.words = new Uint32Array(total);
    this.arrays = { V: this.V, I: this.I, vInf: this.vInf, lastSpike: this.lastSpike, normals: this.normals, spiking: this.spiking };

    const lookup = (name: string, role: string): number => {
      const index = byName.get(name);
      if (index === undefined) throw invalidParameter(role, name, `a population name (${[...byName.keys()].join(', ')})`);
      return index;
    };

    const externalByTarget = new Map<number, ExternalRuntime[]>();
    for (const external of spec.external ?? []) {
      const target = lookup(external.target, 'external target');
      if (spec.populations[target].kind !== 'lif') throw invalidParameter('external target', external.target, 'a LIF population');
      externalByTarget.set(target, [...(externalByTarget.get(target) ?? []), externalRuntime(external, dt)]);
    }

    const runtimes: (LifRuntime | PoissonRuntime)[] = [];
    spec.populations.forEach((population, index) => {
      const range = ranges[index];
      if (population.kind === 'poisson') {
        const probability = population.rate * dt;
        if (!(probability >= 0 && probability <= 1)) throw invalidParameter(`${population.name} rate`, population.rate, `a rate in [0, 1/dt = ${1 / dt} Hz]`);
        const lane = runtimes.filter((r) => r.kind === 'poisson').length;
        runtimes.push({ kind: 'poisson', index, lane, start: range.start, size: range.size, probability, logMiss: Math.log1p(-probability) });
      } else {
        runtimes.push(this.prepareLif(population, index, range, dt, externalByTarget.get(index) ?? []));
      }
    });
    this.runtimes = runtimes;
    this.lif = runtimes.filter((r): r is LifRuntime => r.kind === 'lif');
    this.poisson = runtimes.filter((r): r is PoissonRuntime => r.kind === 'poisson');

    const projections: ProjectionRuntime[] = [];
    for (const projection of spec.projections ?? []) {
      const pre = lookup(projection.pre, 'projection pre');
      const post = lookup(projection.post, 'projection post');
      if (spec.populations[post].kind !== 'lif') throw invalidParameter('projection post', projection.post, 'a LIF population (Poisson sources take no input)');
      const delaySteps = stepsOf(`delay ${projection.pre}->${projection.post}`, projection.delay ?? 0, dt);
      if (delaySteps < 0) throw invalidParameter(`delay ${projection.pre}->${projection.post}`, projection.delay, 'a delay ≥ 0');
      projections.push(
        projectionRuntime(projection, pre, ranges[pre], ranges[post], delaySteps, streams.stream(`connectivity/${projection.pre}->${projection.post}`)),
      );
    }
    this.projections = projections;
    this.slots = 1 + projections.reduce((max, p) => Math.max(max, p.delaySteps), 0);
    this.ring = new Float64Array(this.slots * total);
    this.spikeStart = new Int32Array(runtimes.length);
    this.spikeEnd = new Int32Array(runtimes.length);

    this.noiseRandom = Xoshiro128.fromStream(streams.stream('noise'));
    this.externalRandom = Xoshiro128.fromStream(streams.stream('external'));
    this.poissonRandom = this.poisson.map((p) => Xoshiro128.fromStream(streams.stream(`poisson/${spec.populations[p.index].name}`)));
    this.poissonSkip = Float64Array.from(this.poisson, (p, k) => geometricSkip(this.poissonRandom[k], p.logMiss));
    this.refineExternal = () => this.externalRandom.nextUint32();
  }

  private prepareLif(population: LifPopulationSpec, index: number, range: PopulationIndexRange, dt: number, external: ExternalRuntime[]): LifRuntime {
    const name = population.name;
    const stochastic = population.noise !== undefined;
    const valid = stochastic ? STOCHASTIC_METHODS : DETERMINISTIC_METHODS;
    if (!valid.includes(population.method)) {
      throw invalidParameter('method', population.method, `one of ${valid.join(', ')} for the ${stochastic ? 'stochastic' : 'deterministic'} population ${name}`);
    }
    if (!(population.tauM > 0)) throw invalidParameter(`${name} tau-m`, population.tauM, 'a positive time');
    if (population.noise !== undefined && !(population.noise >= 0)) throw invalidParameter(`${name} sigma`, population.noise, 'a noise amplitude ≥ 0');
    if (population.tauSyn !== undefined && !(population.tauSyn > 0)) throw invalidParameter(`${name} tau-syn`, population.tauSyn, 'a positive time');
    const needsCapacitance = population.current !== undefined || population.timedCurrent !== undefined || population.tauSyn !== undefined;
    if (needsCapacitance && !(population.capacitance !== undefined && population.capacitance > 0)) {
      throw invalidParameter(`${name} capacitance`, population.capacitance, 'a positive capacitance (the population receives currents)');
    }
    if (!(population.reset < population.threshold)) throw invalidParameter(`${name} v-reset`, population.reset, `below the threshold ${population.threshold} V`);
    const refractorySteps = stepsOf(`${name} refractory`, population.refractory ?? 0, dt);
    const propagator = lifPropagator({ method: population.method, dt, tauM: population.tauM, capacitance: population.capacitance, tauSyn: population.tauSyn, sigma: population.noise });
    const { start, size } = range;
    const end = start + size;
    const leak = population.capacitance !== undefined ? population.capacitance / population.tauM : 1;
    const rest = population.rest ?? 0;
    const current = population.current ?? 0;
    if (typeof current !== 'number' && current.length !== size) throw invalidParameter(`${name} current`, `${current.length} values`, `${size} values, one per neuron`);
    for (let i = 0; i < size; i++) this.vInf[start + i] = rest + (typeof current === 'number' ? current : current[i]) / leak;
    const v0 = population.v0;
    if (typeof v0 === 'number') this.V.fill(v0, start, end);
    else if (v0.length !== size) throw invalidParameter(`${name} v0`, `${v0.length} values`, `${size} values, one per neuron`);
    else this.V.set(v0, start);
    let timedShift: Float64Array | undefined;
    let stepsPerSample = 1;
    if (population.timedCurrent) {
      const timed = population.timedCurrent;
      if (timed.values.length === 0) throw invalidParameter(`${name} timed current`, 'no samples', 'at least one sample');
      stepsPerSample = stepsOf(`${name} timed current dt`, timed.dt, dt);
      if (stepsPerSample < 1) throw invalidParameter(`${name} timed current dt`, timed.dt, `at least dt = ${dt} s`);
      timedShift = Float64Array.from(timed.values, (value) => value / leak);
    }
    const refractory = refractorySteps > 0;
    const noisy = stochastic && propagator.noise > 0;
    const synapticCurrent = population.tauSyn !== undefined;
    const stepCase = `${synapticCurrent ? 'exp' : 'delta'}${noisy ? '-noise' : ''}${refractory ? '-refractory' : ''}` as StepCase;
    return {
      kind: 'lif',
      index,
      constants: {
        start,
        end,
        decay: propagator.decay,
        current: propagator.current,
        synapticDecay: propagator.synapticDecay,
        noise: propagator.noise,
        threshold: population.threshold,
        refractorySteps,
      },
      stepCase,
      refractory,
      noisy,
      reset: population.reset,
      synapticCurrent,
      timedShift,
      stepsPerSample,
      external,
    };
  }

  variable(name: string): Float64Array {
    if (name === 'V') return this.V;
    if (name === 'I_syn') return this.I;
    throw invalidParameter('record', name, 'a variable of this network: V, I_syn');
  }

  advance(steps: number, spikes: SpikeRecorder): void {
    const end = this.step + steps;
    const { runtimes, spiking, spikeStart, spikeEnd } = this;
    for (let step = this.step; step < end; step++) {
      let count = 0;
      for (let p = 0; p < runtimes.length; p++) {
        const runtime = runtimes[p];
        spikeStart[p] = count;
        count = runtime.kind === 'lif' ? this.updateLif(runtime, step, count) : this.firePoisson(runtime, count);
        spikeEnd[p] = count;
      }
      if (count > 0) this.propagate(step);
      this.deliver(step);
      if (count > 0) {
        const V = this.V;
        for (let k = 0; k < this.lif.length; k++) {
          const lif = this.lif[k];
          const reset = lif.reset;
          const last = spikeEnd[lif.index];
          for (let s = spikeStart[lif.index]; s < last; s++) V[spiking[s]] = reset;
        }
        spikes.appendStep(spiking, count, step);
      }
    }
    this.step = end;
  }

  private updateLif(lif: LifRuntime, step: number, count: number): number {
    const { arrays, normals } = this;
    const c = lif.constants;
    if (lif.noisy) this.noiseRandom.fillNormal(normals, c.start, c.end);
    let shift = 0;
    const timed = lif.timedShift;
    if (timed) shift = timed[Math.min(timed.length - 1, Math.floor(step / lif.stepsPerSample))];
    switch (lif.stepCase) {
      case 'delta':
        return stepDelta(arrays, c, shift, count);
      case 'delta-refractory':
        return stepDeltaRefractory(arrays, c, shift, count, step);
      case 'delta-noise':
        return stepDeltaNoise(arrays, c, shift, count);
      case 'delta-noise-refractory':
        return stepDeltaNoiseRefractory(arrays, c, shift, count, step);
      case 'exp':
        return stepExponential(arrays, c, shift, count);
      case 'exp-refractory':
        return stepExponentialRefractory(arrays, c, shift, count, step);
      case 'exp-noise':
        return stepExponentialNoise(arrays, c, shift, count);
      case 'exp-noise-refractory':
        return stepExponentialNoiseRefractory(arrays, c, shift, count, step);
    }
  }

  /** Bernoulli(p) per neuron and step, by geometric skips over the stream of (step, neuron) trials. */
  private firePoisson(source: PoissonRuntime, count: number): number {
    const k = source.lane;
    const random = this.poissonRandom[k];
    const spiking = this.spiking;
    let position = this.poissonSkip[k];
    while (position < source.size) {
      spiking[count++] = source.start + position;
      position += 1 + geometricSkip(random, source.logMiss);
    }
    this.poissonSkip[k] = position - source.size;
    return count;
  }

  private propagate(step: number): void {
    const { projections, spiking, spikeStart, spikeEnd, ring, size, slots } = this;
    for (let p = 0; p < projections.length; p++) {
      const projection = projections[p];
      const first = spikeStart[projection.pre];
      const last = spikeEnd[projection.pre];
      if (first === last) continue;
      const base = ((step + projection.delaySteps) % slots) * size + projection.postStart;
      const preStart = projection.preStart;
      if (projection.dense) {
        const matrix = projection.dense;
        const postSize = projection.postSize;
        for (let s = first; s < last; s++) {
          const row = (spiking[s] - preStart) * postSize;
          for (let j = 0; j < postSize; j++) ring[base + j] += matrix[row + j];
        }
        continue;
      }
      const offsets = projection.offsets as Int32Array;
      const targets = projection.targets as Uint16Array | Int32Array;
      if (projection.weights) {
        const weights = projection.weights;
        for (let s = first; s < last; s++) {
          const pre = spiking[s] - preStart;
          const stop = offsets[pre + 1];
          for (let k = offsets[pre]; k < stop; k++) ring[base + targets[k]] += weights[k];
        }
      } else {
        const weight = projection.weight;
        for (let s = first; s < last; s++) {
          const pre = spiking[s] - preStart;
          const stop = offsets[pre + 1];
          for (let k = offsets[pre]; k < stop; k++) ring[base + targets[k]] += weight;
        }
      }
    }
  }

  private deliver(step: number): void {
    const { ring, words, lastSpike, refineExternal } = this;
    const row = (step % this.slots) * this.size;
    for (let k = 0; k < this.lif.length; k++) {
      const lif = this.lif[k];
      const { start, end, refractorySteps } = lif.constants;
      const target = lif.synapticCurrent ? this.I : this.V;
      const external = lif.external;
      // all but the last external input are added to the ring; the last one is fused with draining it
      for (let e = 0; e < external.length - 1; e++) {
        this.externalRandom.fillUint32(words, 0, end - start);
        addDiscreteSamples(external[e].table, words, ring, row + start, end - start, external[e].weight, refineExternal);
      }
      const last = external.length > 0 ? external[external.length - 1] : undefined;
      if (last) this.externalRandom.fillUint32(words, 0, end - start);
      const clamped = lif.refractory && !lif.synapticCurrent;
      if (last && clamped) {
        drainArrivalsWithCountsUnlessRefractory(target, ring, row, start, end, words, last.table, last.weight, refineExternal, lastSpike, step, refractorySteps);
      } else if (last) drainArrivalsWithCounts(target, ring, row, start, end, words, last.table, last.weight, refineExternal);
      else if (clamped) drainArrivalsUnlessRefractory(target, ring, row, start, end, lastSpike, step, refractorySteps);
      else drainArrivals(target, ring, row, start, end);
    }
  }

  saveState(): EngineState {
    return {
      step: this.step,
      arrays: {
        V: Float64Array.from(this.V),
        I: Float64Array.from(this.I),
        lastSpike: Int32Array.from(this.lastSpike),
        ring: Float64Array.from(this.ring),
        poissonSkip: Float64Array.from(this.poissonSkip),
      },
      values: {
        noise: this.noiseRandom.saveState(),
        external: this.externalRandom.saveState(),
        poisson: this.poissonRandom.map((random) => random.saveState()),
      },
    };
  }

  restoreState(state: EngineState): void {
    this.V.set(state.arrays.V as Float64Array);
    this.I.set(state.arrays.I as Float64Array);
    this.lastSpike.set(state.arrays.lastSpike as Int32Array);
    this.ring.set(state.arrays.ring as Float64Array);
    this.poissonSkip.set(state.arrays.poissonSkip as Float64Array);
    this.noiseRandom = Xoshiro128.fromState(state.values.noise as Xoshiro128State);
    this.externalRandom = Xoshiro128.fromState(state.values.external as Xoshiro128State);
    this.poissonRandom = (state.values.poisson as Xoshiro128State[]).map((saved) => Xoshiro128.fromState(saved));
    this.step = state.step;
  }
}

/** Trials before the next success of a Bernoulli(p) sequence: ⌊log(u)/log(1 − p)⌋ with u uniform in (0, 1]. */
function geometricSkip(random: Xoshiro128, logMiss: number): number {
  if (logMiss === 0) return Infinity;
  return Math.floor(Math.log(1 - random.uniform53()) / logMiss);
}

function externalRuntime(external: ExternalPoissonSpec, dt: number): ExternalRuntime {
  const { synapses, rate, weight } = external;
  if (!(Number.isInteger(synapses) && synapses >= 0)) throw invalidParameter('external synapses', synapses, 'an integer ≥ 0');
  if (!(rate >= 0 && Number.isFinite(rate))) throw invalidParameter('external rate', rate, 'a rate ≥ 0');
  if (!Number.isFinite(weight)) throw invalidParameter('external weight', weight, 'a finite weight');
  const count = external.count ?? 'poisson';
  if (count === 'binomial') {
    if (!(rate * dt <= 1)) throw invalidParameter('external rate', rate, `at most 1/dt = ${1 / dt} Hz for binomial counts`);
    return { table: binomialTable(synapses, rate * dt), weight };
  }
  if (count !== 'poisson') throw invalidParameter('external count', count, 'poisson or binomial');
  return { table: poissonTable(synapses * rate * dt), weight };
}

function projectionRuntime(
  spec: ProjectionSpec,
  pre: number,
  preRange: PopulationIndexRange,
  postRange: PopulationIndexRange,
  delaySteps: number,
  random: { uniform(): number },
): ProjectionRuntime {
  const label = `${spec.pre}->${spec.post}`;
  const common = { pre, preStart: preRange.start, postStart: postRange.start, postSize: postRange.size, delaySteps };
  const connectivity = spec.connectivity;
  const sameGroup = spec.pre === spec.post;
  const uniformWeight = (): number => {
    if (spec.weight === undefined || !Number.isFinite(spec.weight)) throw invalidParameter(`weight ${label}`, spec.weight, 'a finite weight');
    return spec.weight;
  };
  switch (connectivity.kind) {
    case 'dense': {
      if (connectivity.weights.length !== preRange.size * postRange.size) {
        throw invalidParameter(`weights ${label}`, `${connectivity.weights.length} values`, `${preRange.size} × ${postRange.size} values`);
      }
      return { ...common, weight: 0, dense: connectivity.weights };
    }
    case 'csr': {
      const { csr } = connectivity;
      if (csr.size !== preRange.size) throw invalidParameter(`network ${label}`, `${csr.size} rows`, `${preRange.size} rows, one per presynaptic neuron`);
      for (let k = 0; k < csr.targets.length; k++) {
        if (csr.targets[k] >= postRange.size) throw invalidParameter(`network ${label}`, `target ${csr.targets[k]}`, `targets below ${postRange.size}`);
      }
      return { ...common, weight: csr.weights ? 0 : uniformWeight(), offsets: csr.offsets, targets: csr.targets, weights: csr.weights };
    }
    case 'probability': {
      const weight = uniformWeight();
      const csr = bernoulliProjection(preRange.size, postRange.size, connectivity.p, random, { excludeSelf: sameGroup && !connectivity.autapses });
      return { ...common, weight, offsets: csr.offsets, targets: csr.targets };
    }
    case 'in-degree': {
      const weight = uniformWeight();
      const csr = fixedInDegreeProjection(preRange.size, postRange.size, connectivity.k, random, { excludeSelf: sameGroup && !connectivity.autapses });
      return { ...common, weight, offsets: csr.offsets, targets: csr.targets };
    }
  }
}
