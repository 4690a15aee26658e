import { Worker } from 'node:worker_threads';
import type { Engine, EngineState, SpikeRecorder } from '../core/engine.js';
import { environmentError, invalidParameter } from '../core/errors.js';
import { stepsOf } from '../core/run.js';
import { binomialTable } from '../kernels/binomialTable.js';
import { lifPropagator, type IntegrationMethod } from '../kernels/lifPropagator.js';
import { poissonTable } from '../kernels/poissonTable.js';
import { bernoulliProjection } from '../network/bernoulliProjection.js';
import type { Csr } from '../network/csr.js';
import { fixedInDegreeProjection } from '../network/fixedInDegreeProjection.js';
import { resolveWorkerFile } from '../pool/workerFile.js';
import { RandomStreams } from '../random/stream.js';
import { Xoshiro128 } from '../random/xoshiro128.js';
import { lifClockModule } from '../kernels/lifClockWasm.js';
import { wasmArena, type ArenaRequest } from '../kernels/wasmArena.js';
import { splitByTargets } from './lifPartition.js';
import {
  BLOCK_SIZE,
  NetworkPartition,
  type BlockLayout,
  type ExternalLayout,
  type LifLayout,
  type NetworkLayout,
  type NetworkState,
  type PartitionSynapses,
  type PopulationLayout,
  type ProjectionLayout,
  type StepCase,
} from './networkPartition.js';
import { COMMAND, CONTROL_SLOTS, EXIT, FAILED, FIRST_STEP, READY, STEPS, failThreads } from './threadBarrier.js';

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
  /** Threads that simulate the network (default 1); results are identical for every thread count. */
  readonly threads?: number;
  /**
   * Propagate spikes in the WebAssembly delivery kernel (default true), bit-identical to the JavaScript loops,
   * which run instead when this is false or the synapses exceed wasm32's 4 GiB.
   */
  readonly wasm?: boolean;
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

/** What a projection's connectivity compiles to: full-size CSR (or dense matrix) before it is split by partition. */
interface CompiledProjection {
  readonly layout: ProjectionLayout;
  readonly csr?: Csr;
}

/**
 * A clock-driven network of LIF-family populations and Poisson sources with delayed, population-pair synapses,
 * on one or several threads.
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
 * `external`, Poisson sources from `poisson/<name>`; each population is cut into blocks of 1024 neurons with their
 * own xoshiro128** lanes seeded from those streams, so results do not depend on the number of threads.
 * With `threads` > 1 the neurons are split at block boundaries; worker threads run the other partitions on shared
 * memory and meet the calling thread at one barrier per step.
 */
export class SpikingNetworkEngine implements Engine {
  readonly size: number;
  readonly dt: number;
  readonly threads: number;
  readonly variables = ['V', 'I_syn'] as const;
  readonly populations: readonly PopulationIndexRange[];
  step = 0;
  private readonly layout: NetworkLayout;
  private readonly state: NetworkState;
  private readonly main: NetworkPartition;
  private readonly workers: Worker[] = [];
  private ready = false;

  constructor(spec: SpikingNetworkSpec) {
    const dt = spec.dt;
    if (!(dt > 0 && Number.isFinite(dt))) throw invalidParameter('dt', dt, 'a positive time step');
    const threads = spec.threads ?? 1;
    if (!(Number.isInteger(threads) && threads >= 1)) throw invalidParameter('threads', threads, 'an integer ≥ 1');
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
    const lookup = (name: string, role: string): number => {
      const index = byName.get(name);
      if (index === undefined) throw invalidParameter(role, name, `a population name (${[...byName.keys()].join(', ')})`);
      return index;
    };

    const externalByTarget = new Map<number, ExternalLayout[]>();
    for (const external of spec.external ?? []) {
      const target = lookup(external.target, 'external target');
      if (spec.populations[target].kind !== 'lif') throw invalidParameter('external target', external.target, 'a LIF population');
      externalByTarget.set(target, [...(externalByTarget.get(target) ?? []), externalLayout(external, dt)]);
    }
    const vInf = new Float64Array(total);
    const V = new Float64Array(total);
    const populations: PopulationLayout[] = spec.populations.map((population, k) => {
      const range = ranges[k];
      if (population.kind === 'poisson') {
        const probability = population.rate * dt;
        if (!(probability >= 0 && probability <= 1)) throw invalidParameter(`${population.name} rate`, population.rate, `a rate in [0, 1/dt = ${1 / dt} Hz]`);
        return { kind: 'poisson', start: range.start, end: range.start + range.size, logMiss: Math.log1p(-probability) };
      }
      return lifLayout(population, range, dt, externalByTarget.get(k) ?? [], V, vInf);
    });

    const compiled: CompiledProjection[] = [];
    for (const projection of spec.projections ?? []) {
      const pre = lookup(projection.pre, 'projection pre');
      const post = lookup(projection.post, 'projection post');
      if (spec.populations[post].kind !== 'lif') throw invalidParameter('projection post', projection.post, 'a LIF population (Poisson sources take no input)');
      const label = `delay ${projection.pre}->${projection.post}`;
      const delaySteps = stepsOf(label, projection.delay ?? 0, dt);
      if (delaySteps < 0) throw invalidParameter(label, projection.delay, 'a delay ≥ 0');
      const random = Xoshiro128.fromStream(streams.stream(`connectivity/${projection.pre}->${projection.post}`));
      compiled.push(compileProjection(projection, pre, ranges[pre], ranges[post], delaySteps, random));
    }

    const blocks: BlockLayout[] = [];
    populations.forEach((population, k) => {
      for (let start = population.start; start < population.end; start += BLOCK_SIZE) blocks.push({ population: k, start, end: Math.min(population.end, start + BLOCK_SIZE) });
    });
    const parts = Math.max(1, Math.min(threads, blocks.length));
    this.threads = parts;
    const bounds = blockBounds(blocks, total, parts);
    const shared = parts > 1;
    const slots = 1 + compiled.reduce((max, p) => Math.max(max, p.layout.delaySteps), 0);
    const byProjection = compiled.map((projection) => partitionSynapses(projection, bounds, shared));
    const split = bounds.slice(0, parts).map((_, p) => byProjection.map((partitions) => partitions[p]));
    const wasm = spec.wasm === false ? undefined : inWasmMemory(split, slots * total, 2 * total);
    const synapses = wasm ? wasm.synapses : split;
    this.layout = {
      total,
      slots,
      populations,
      blocks,
      projections: compiled.map((c) => c.layout),
      bounds,
      synapses,
      wasm: wasm ? { memory: wasm.memory, module: lifClockModule() } : undefined,
    };

    const float = (length: number) => (shared ? new Float64Array(new SharedArrayBuffer(Math.max(1, length) * 8)) : new Float64Array(length));
    const int = (length: number) => (shared ? new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4)) : new Int32Array(length));
    const lanes = (name: string) => Xoshiro128.seedLanes(streams.stream(name), blocks.length, shared);
    const poissonLanes = int(blocks.length * 4);
    const poissonSkip = float(blocks.length);
    blocks.forEach((block, b) => {
      const population = populations[block.population];
      if (population.kind !== 'poisson') return;
      // the blocks of a source take consecutive lanes of the source's own stream
      const random = Xoshiro128.fromStream(streams.stream(`poisson/${spec.populations[block.population].name}`));
      poissonSkip[b] = population.logMiss === 0 ? Infinity : Math.floor(Math.log(1 - random.uniform53()) / population.logMiss);
      random.storeLane(poissonLanes, b);
    });
    const state: NetworkState = {
      V: float(total),
      I: float(total),
      vInf: float(total),
      lastSpike: int(total).fill(NEVER),
      normals: float(total),
      words: shared ? new Uint32Array(new SharedArrayBuffer(Math.max(1, total) * 4)) : new Uint32Array(total),
      ring: wasm ? wasm.ring : float(slots * total),
      lists: wasm ? wasm.lists : int(2 * total),
      spikeRanges: int(2 * parts * (populations.length + 1) * 2),
      noiseLanes: lanes('noise'),
      externalLanes: lanes('external'),
      poissonLanes,
      poissonSkip,
      control: int(CONTROL_SLOTS),
    };
    state.V.set(V);
    state.vInf.set(vInf);
    this.state = state;
    this.main = new NetworkPartition(this.layout, state, 0);
    if (parts > 1) {
      const file = resolveWorkerFile(new URL('./spikingNetworkWorker.js', import.meta.url));
      for (let p = 1; p < parts; p++) {
        const worker = new Worker(file, { workerData: { layout: this.layout, state, index: p } });
        worker.on('error', () => failThreads(state.control));
        worker.unref();
        this.workers.push(worker);
      }
    }
  }

  /** Whether spikes propagate in the WebAssembly kernel (false: the JavaScript loops). */
  get usesWasm(): boolean {
    return this.layout.wasm !== undefined;
  }

  variable(name: string): Float64Array {
    if (name === 'V') return this.state.V;
    if (name === 'I_syn') return this.state.I;
    throw invalidParameter('record', name, 'a variable of this network: V, I_syn');
  }

  advance(steps: number, spikes: SpikeRecorder): void {
    if (steps <= 0) return;
    if (this.workers.length > 0) {
      if (!this.ready) this.awaitWorkers();
      const control = this.state.control;
      Atomics.store(control, STEPS, steps);
      Atomics.store(control, FIRST_STEP, this.step);
      Atomics.add(control, COMMAND, 1);
      Atomics.notify(control, COMMAND);
    }
    this.main.run(steps, this.step, spikes);
    this.step += steps;
  }

  private awaitWorkers(): void {
    const control = this.state.control;
    const expected = this.workers.length;
    const deadline = Date.now() + 30_000;
    while (Atomics.load(control, READY) < expected) {
      if (Atomics.load(control, FAILED) !== 0) throw environmentError('a simulation thread failed to start');
      if (Date.now() > deadline) throw environmentError(`simulation threads did not start within 30 s (${Atomics.load(control, READY)}/${expected} ready)`);
      Atomics.wait(control, READY, Atomics.load(control, READY), 50);
    }
    this.ready = true;
  }

  saveState(): EngineState {
    const { V, I, lastSpike, ring, poissonSkip, noiseLanes, externalLanes, poissonLanes } = this.state;
    return {
      step: this.step,
      arrays: {
        V: Float64Array.from(V),
        I: Float64Array.from(I),
        lastSpike: Int32Array.from(lastSpike),
        ring: Float64Array.from(ring),
        poissonSkip: Float64Array.from(poissonSkip),
        noiseLanes: Int32Array.from(noiseLanes),
        externalLanes: Int32Array.from(externalLanes),
        poissonLanes: Int32Array.from(poissonLanes),
      },
      values: {},
    };
  }

  restoreState(saved: EngineState): void {
    const state = this.state;
    for (const name of ['V', 'I', 'lastSpike', 'ring', 'poissonSkip', 'noiseLanes', 'externalLanes', 'poissonLanes'] as const) {
      const source = saved.arrays[name];
      if (!source || source.length !== state[name].length) throw invalidParameter('checkpoint', name, `an array of ${state[name].length} values from the same network`);
      state[name].set(source as never);
    }
    this.step = saved.step;
  }

  async dispose(): Promise<void> {
    if (this.workers.length === 0) return;
    const control = this.state.control;
    Atomics.store(control, EXIT, 1);
    Atomics.add(control, COMMAND, 1);
    Atomics.notify(control, COMMAND);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
  }
}

/** Partition bounds at block boundaries, balancing the number of neurons. */
function blockBounds(blocks: readonly BlockLayout[], total: number, parts: number): number[] {
  const bounds = [0];
  for (let p = 1; p < parts; p++) {
    const ideal = (p * total) / parts;
    let best = bounds[bounds.length - 1];
    for (const block of blocks) if (block.start > best && Math.abs(block.start - ideal) <= Math.abs(best - ideal)) best = block.start;
    bounds.push(best);
  }
  bounds.push(total);
  return bounds;
}

function lifLayout(population: LifPopulationSpec, range: PopulationIndexRange, dt: number, external: ExternalLayout[], V: Float64Array, vInf: Float64Array): LifLayout {
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
  for (let i = 0; i < size; i++) vInf[start + i] = rest + (typeof current === 'number' ? current : current[i]) / leak;
  const v0 = population.v0;
  if (typeof v0 === 'number') V.fill(v0, start, end);
  else if (v0.length !== size) throw invalidParameter(`${name} v0`, `${v0.length} values`, `${size} values, one per neuron`);
  else V.set(v0, start);
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
    start,
    end,
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

function externalLayout(external: ExternalPoissonSpec, dt: number): ExternalLayout {
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

function compileProjection(
  spec: ProjectionSpec,
  pre: number,
  preRange: PopulationIndexRange,
  postRange: PopulationIndexRange,
  delaySteps: number,
  random: { uniform(): number },
): CompiledProjection {
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
      return { layout: { ...common, weight: 0, dense: connectivity.weights } };
    }
    case 'csr': {
      const { csr } = connectivity;
      if (csr.size !== preRange.size) throw invalidParameter(`network ${label}`, `${csr.size} rows`, `${preRange.size} rows, one per presynaptic neuron`);
      for (let k = 0; k < csr.targets.length; k++) {
        if (csr.targets[k] >= postRange.size) throw invalidParameter(`network ${label}`, `target ${csr.targets[k]}`, `targets below ${postRange.size}`);
      }
      return { layout: { ...common, weight: csr.weights ? 0 : uniformWeight() }, csr };
    }
    case 'probability': {
      const weight = uniformWeight();
      const csr = bernoulliProjection(preRange.size, postRange.size, connectivity.p, random, { excludeSelf: sameGroup && !connectivity.autapses });
      return { layout: { ...common, weight }, csr };
    }
    case 'in-degree': {
      const weight = uniformWeight();
      const csr = fixedInDegreeProjection(preRange.size, postRange.size, connectivity.k, random, { excludeSelf: sameGroup && !connectivity.autapses });
      return { layout: { ...common, weight }, csr };
    }
  }
}

/** The parts of a projection whose targets lie in each partition [bounds[p], bounds[p + 1]) of the global index space. */
function partitionSynapses(projection: CompiledProjection, bounds: readonly number[], shared: boolean): PartitionSynapses[] {
  const { postStart, postSize } = projection.layout;
  const local = bounds.map((bound) => Math.min(postSize, Math.max(0, bound - postStart)));
  const parts = bounds.length - 1;
  const csr = projection.csr;
  if (csr && !shared && parts === 1) return [{ low: 0, high: postSize, offsets: csr.offsets, targets: csr.targets, weights: csr.weights }];
  const split = csr ? splitByTargets(csr, local) : undefined;
  return local.slice(0, parts).map((low, p) => {
    const high = local[p + 1];
    if (low >= high) return { low: 0, high: 0 };
    if (!split) return { low, high };
    const { offsets, targets, weights } = split[p];
    return { low, high, offsets, targets, weights };
  });
}

/**
 * The ring buffer, the spike lists and every partition's sparse synapses copied into one shared wasm memory, so
 * that propagation runs in the wasm delivery kernel on every thread; undefined when they exceed wasm32's 4 GiB.
 */
function inWasmMemory(split: readonly (readonly PartitionSynapses[])[], ringLength: number, listLength: number) {
  const requests: Record<string, ArenaRequest> = { ring: [Float64Array, ringLength], lists: [Int32Array, listLength] };
  split.forEach((projections, p) =>
    projections.forEach((own, j) => {
      if (!own.offsets || !own.targets) return;
      requests[`offsets ${p} ${j}`] = [Int32Array, own.offsets.length];
      requests[`targets ${p} ${j}`] = [own.targets instanceof Uint16Array ? Uint16Array : Int32Array, own.targets.length];
      if (own.weights) requests[`weights ${p} ${j}`] = [Float64Array, own.weights.length];
    }),
  );
  const arena = wasmArena(requests);
  if (!arena) return undefined;
  const arrays = arena.arrays as Record<string, Float64Array | Int32Array | Uint16Array>;
  const copy = <T extends Float64Array | Int32Array | Uint16Array>(name: string, source: T): T => {
    const target = arrays[name] as T;
    target.set(source);
    return target;
  };
  const synapses = split.map((projections, p) =>
    projections.map((own, j): PartitionSynapses => {
      if (!own.offsets || !own.targets) return own;
      return {
        low: own.low,
        high: own.high,
        offsets: copy(`offsets ${p} ${j}`, own.offsets),
        targets: copy(`targets ${p} ${j}`, own.targets),
        weights: own.weights ? copy(`weights ${p} ${j}`, own.weights) : undefined,
      };
    }),
  );
  return { memory: arena.memory, ring: arrays.ring as Float64Array, lists: arrays.lists as Int32Array, synapses };
}

