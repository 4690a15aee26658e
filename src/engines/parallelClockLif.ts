import { Worker } from 'node:worker_threads';
import type { Engine, EngineState, SpikeRecorder, StepProbe } from '../core/engine.js';
import { environmentError, invalidParameter } from '../core/errors.js';
import { instantiateLifClock, LIF_FRAME_BYTES, lifClockModule, writeLifFrame, type LifClockKernel } from '../kernels/lifClockWasm.js';
import { wasmArena, type ArenaRequest } from '../kernels/wasmArena.js';
import { resolveWorkerFile } from '../pool/workerFile.js';
import { sampleProbes, type ClockLifOptions } from './clockLif.js';
import { allocateOnSharedBuffers, hasSortedRows, partitionBounds, rowCuts, splitByTargets, type LifPartition, type PartitionArrays } from './lifPartition.js';
import type { Csr } from '../network/csr.js';
import { narrowTargets } from '../network/targetArray.js';
import { runPartitionSteps, type PartitionContext, type ProbeArea, type SpikeOutput } from './parallelLifSteps.js';
import { COMMAND, CONTROL_SLOTS, EXIT, FAILED, FIRST_STEP, READY, STEPS } from './threadBarrier.js';

/**
 * The clock-driven LIF network on several threads. Neurons are split into contiguous partitions on shared
 * memory; the calling thread runs partition 0 and worker threads the others, meeting at a spinning barrier
 * twice per step. Spikes, and every potential, are bit-identical to {@link ClockLifEngine} for any thread count.
 */
export class ParallelClockLifEngine implements Engine {
  readonly size: number;
  readonly dt: number;
  readonly threads: number;
  readonly variables = ['V'] as const;
  step = 0;
  private readonly V: Float64Array;
  private readonly control: Int32Array;
  private readonly main: PartitionContext;
  private readonly kernel?: LifClockKernel;
  private readonly probes: ProbeArea = {
    plan: new Int32Array(new SharedArrayBuffer(PROBE_PLAN_SLOTS * 4)),
    values: new Float64Array(new SharedArrayBuffer(PROBE_VALUE_SLOTS * 8)),
  };
  private readonly workers: Worker[] = [];
  private ready = false;

  constructor(options: ClockLifOptions, threads: number) {
    const { csr, v0 } = options;
    if (!(Number.isInteger(threads) && threads >= 2)) throw invalidParameter('threads', threads, 'an integer ≥ 2 for the parallel engine');
    if (v0.length !== csr.size) throw invalidParameter('init', `${v0.length} values`, `${csr.size} values, one per neuron`);
    const size = csr.size;
    const parts = Math.min(threads, size);
    this.size = size;
    this.dt = options.dt;
    this.threads = parts;
    const bounds = partitionBounds(size, parts);
    const { shared, partitions } = partitionSynapses(csr, bounds, options.wasm !== false);
    this.control = shared ? shared.control : new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
    const counts = shared ? shared.counts : new Int32Array(new SharedArrayBuffer(2 * parts * 4));
    this.V = shared ? shared.V : new Float64Array(new SharedArrayBuffer(size * 8));
    this.V.set(v0);
    const lists = shared ? shared.lists : new Int32Array(new SharedArrayBuffer(2 * size * 4));
    const module = shared ? lifClockModule() : undefined;
    if (shared) shared.bounds.set(bounds);
    const contexts: PartitionContext[] = [];
    for (let p = 0; p < parts; p++) {
      const partition = partitions[p];
      const context: PartitionContext = {
        index: p,
        parts,
        bounds,
        low: bounds[p],
        V: new Float64Array(this.V.buffer, this.V.byteOffset + bounds[p] * 8, bounds[p + 1] - bounds[p]),
        offsets: partition.offsets,
        targets: partition.targets,
        weights: partition.weights,
        rowStride: partition.rowStride,
        globalTargets: partition.globalTargets,
        control: this.control,
        lists,
        counts,
        size,
        rate: options.dt / options.tauM,
        drive: options.drive,
        threshold: options.threshold,
        reset: options.reset,
        weight: options.weight,
        parity: 0,
        probes: this.probes,
        memory: shared?.memory,
        module,
        frame: shared ? shared.frames.byteOffset + p * LIF_FRAME_BYTES : undefined,
        output: shared && p === 0 ? shared.output : undefined,
      };
      if (shared) writeFrame(shared, context);
      contexts.push(context);
    }
    if (shared) this.kernel = instantiateLifClock(shared.memory, module);
    this.main = contexts[0];
    for (let p = 1; p < parts; p++) {
      const thread = standby.shift() ?? startThread();
      if (thread.failure) throw environmentError(`a simulation thread failed to start: ${thread.failure.message}`);
      // from here on a failing worker marks the group failed itself; this only keeps the error from the process
      thread.onFailure = () => Atomics.store(this.control, FAILED, 1);
      thread.worker.postMessage(contexts[p]);
      this.workers.push(thread.worker);
    }
  }

  private awaitWorkers(): void {
    const expected = this.workers.length;
    const deadline = Date.now() + 30_000;
    while (Atomics.load(this.control, READY) < expected) {
      if (Atomics.load(this.control, FAILED) !== 0) throw environmentError('a simulation thread failed to start');
      if (Date.now() > deadline) throw environmentError(`simulation threads did not start within 30 s (${Atomics.load(this.control, READY)}/${expected} ready)`);
      Atomics.wait(this.control, READY, Atomics.load(this.control, READY), 50);
    }
    this.ready = true;
  }

  variable(name: string): Float64Array {
    if (name !== 'V') throw invalidParameter('record', name, 'a variable of this model: V');
    return this.V;
  }

  advance(steps: number, spikes: SpikeRecorder): void {
    if (steps <= 0) return;
    if (!this.ready) this.awaitWorkers();
    Atomics.store(this.control, STEPS, steps);
    Atomics.store(this.control, FIRST_STEP, this.step);
    Atomics.add(this.control, COMMAND, 1);
    Atomics.notify(this.control, COMMAND);
    runPartitionSteps(this.main, steps, this.step, spikes, this.kernel);
    this.step += steps;
  }

  /**
   * Advances like `advance` and samples the probes at the start of every due step: each thread writes the probed
   * neurons it owns into a shared buffer, copied out after each stretch of steps that fits it.
   */
  advanceProbed(steps: number, spikes: SpikeRecorder, probes: readonly StepProbe[]): void {
    for (const probe of probes) if (probe.variable !== 'V') throw invalidParameter('record', probe.variable, 'a variable of this model: V');
    if (probes.length === 0) return this.advance(steps, spikes);
    const probed = probes.reduce((sum, probe) => sum + probe.neurons.length, 0);
    if (1 + 5 * probes.length + probed > PROBE_PLAN_SLOTS || probed > PROBE_VALUE_SLOTS) return this.advanceSampling(steps, spikes, probes);
    const { plan, values } = this.probes;
    const stretch = Math.max(1, Math.floor(PROBE_VALUE_SLOTS / probed));
    for (let done = 0; done < steps; ) {
      const n = Math.min(stretch, steps - done);
      const start = this.step;
      const rows: number[] = [];
      let at = 1;
      let offset = 0;
      for (const probe of probes) {
        const first = Math.ceil(start / probe.everySteps) * probe.everySteps;
        const last = Math.min(start + n, probe.endStep);
        const samples = first < last ? Math.floor((last - 1 - first) / probe.everySteps) + 1 : 0;
        plan.set([probe.everySteps, Math.min(probe.endStep, 2 ** 31 - 1), probe.neurons.length, offset, first], at);
        plan.set(probe.neurons, at + 5);
        at += 5 + probe.neurons.length;
        rows.push(samples);
        offset += samples * probe.neurons.length;
      }
      plan[0] = probes.length;
      try {
        this.advance(n, spikes);
      } finally {
        plan[0] = 0;
      }
      offset = 0;
      probes.forEach((probe, p) => {
        const length = rows[p] * probe.neurons.length;
        probe.values.set(values.subarray(offset, offset + length), probe.filled * probe.neurons.length);
        probe.filled += rows[p];
        offset += length;
      });
      done += n;
    }
  }

  /** Probes too large for the shared buffer: one step at a time, sampled between steps. */
  private advanceSampling(steps: number, spikes: SpikeRecorder, probes: readonly StepProbe[]): void {
    for (let s = 0; s < steps; s++) {
      sampleProbes(this.V, probes, this.step);
      this.advance(1, spikes);
    }
  }

  /** Whether the step runs in WebAssembly (false: the JavaScript loops). */
  get usesWasm(): boolean {
    return this.kernel !== undefined;
  }

  saveState(): EngineState {
    return { step: this.step, arrays: { V: Float64Array.from(this.V) }, values: {} };
  }

  restoreState(state: EngineState): void {
    this.V.set(state.arrays.V as Float64Array);
    this.step = state.step;
  }

  async dispose(): Promise<void> {
    Atomics.store(this.control, EXIT, 1);
    Atomics.add(this.control, COMMAND, 1);
    Atomics.notify(this.control, COMMAND);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
  }
}

interface PartitionThread {
  readonly worker: Worker;
  failure?: Error;
  onFailure?: () => void;
}

/** Threads started ahead of an engine (`startLifThreads`), waiting for their partition. */
const standby: PartitionThread[] = [];

function startThread(): PartitionThread {
  const worker = new Worker(resolveWorkerFile(new URL('./parallelLifWorker.js', import.meta.url)));
  const thread: PartitionThread = { worker };
  worker.on('error', (error: Error) => {
    thread.failure = error;
    thread.onFailure?.();
  });
  // idle or finished threads never keep the process alive
  worker.unref();
  return thread;
}

/**
 * Starts `count` partition threads ahead of a `ParallelClockLifEngine` of `count + 1` threads, which takes them:
 * a thread needs tens of milliseconds to boot, which then overlap building the network instead of delaying the
 * first step. Threads that no engine takes end with the process.
 */
export function startLifThreads(count: number): void {
  while (standby.length < count) standby.push(startThread());
}

/** Capacity of the shared probe plan (neuron indices and headers) and of the sample buffer (values per stretch). */
const PROBE_PLAN_SLOTS = 1 << 16;
const PROBE_VALUE_SLOTS = 1 << 18;

/** A partition's synapses: its own CSR (rowStride 1, local targets), or its column of a shared CSR's row cuts. */
interface PartitionSynapses extends PartitionArrays {
  readonly rowStride: number;
  readonly globalTargets: boolean;
}

interface WasmLayout {
  readonly memory: WebAssembly.Memory;
  readonly V: Float64Array;
  readonly lists: Int32Array;
  readonly control: Int32Array;
  readonly counts: Int32Array;
  readonly bounds: Int32Array;
  readonly frames: Int32Array;
  readonly output: SpikeOutput;
  readonly partitions: PartitionSynapses[];
}

/** Every partition's synapses, in one shared wasm memory with the engine's arrays when asked and possible. */
function partitionSynapses(csr: Csr, bounds: readonly number[], wasm: boolean): { shared?: WasmLayout; partitions: PartitionSynapses[] } {
  const shared = wasm ? inWasmMemory(csr, bounds) : undefined;
  if (shared && !(shared instanceof Array)) return { shared, partitions: shared.partitions };
  const partitions = shared ?? splitByTargets(csr, bounds);
  return { partitions: partitions.map((partition) => ({ ...partition, rowStride: 1, globalTargets: false })) };
}

/** Spikes the recording thread's step loop can hold between two appends to the recorder, beyond one step's worst case. */
const OUTPUT_SLACK = 1 << 16;

/**
 * Potentials, spike lists, the barrier's control slots, the synapses, every partition's step-loop frame and the
 * recording thread's output columns in one shared wasm memory. Beyond 4 GiB: undefined, or the partitions already
 * split onto SharedArrayBuffers.
 *
 * Rows sorted by target are shared: the CSR is copied once, and each partition reads its segment of every row
 * through a table of row cuts, which costs a third of splitting the CSR into per-partition copies. Partitions get
 * their own CSR when rows are not sorted, or when their targets would fit 16 bits and the whole network's not.
 */
function inWasmMemory(csr: Csr, bounds: readonly number[]): WasmLayout | LifPartition[] | undefined {
  const size = csr.size;
  const parts = bounds.length - 1;
  const widest = Math.max(...bounds.slice(1).map((high, p) => high - bounds[p]));
  if (hasSortedRows(csr) && narrowTargets(size) === narrowTargets(widest)) {
    const synapses = csr.offsets[size];
    const arena = layoutArena(size, parts, {
      targets: [narrowTargets(size) ? Uint16Array : Int32Array, synapses],
      weights: [Float64Array, csr.weights ? synapses : 0],
      cuts: [Int32Array, size * (parts + 1)],
    });
    if (!arena) return undefined;
    const targets = arena.arrays.targets as Uint16Array | Int32Array;
    targets.set(csr.targets.subarray(0, synapses));
    const weights = csr.weights ? (arena.arrays.weights as Float64Array) : undefined;
    weights?.set((csr.weights as Float64Array).subarray(0, synapses));
    const cuts = rowCuts(csr, bounds, arena.arrays.cuts as Int32Array);
    const partitions = bounds.slice(1).map((_, p) => ({
      offsets: cuts.subarray(p),
      targets,
      weights,
      rowStride: parts + 1,
      globalTargets: true,
    }));
    return withArrays(arena, partitions);
  }
  let arena: ReturnType<typeof layoutArena>;
  const split = splitByTargets(csr, bounds, (shapes) => {
    const requests: Record<string, ArenaRequest> = {};
    shapes.forEach((shape, p) => {
      requests[`offsets${p}`] = [Int32Array, shape.rows];
      requests[`targets${p}`] = [shape.narrow ? Uint16Array : Int32Array, shape.synapses];
      requests[`weights${p}`] = [Float64Array, shape.weighted ? shape.synapses : 0];
    });
    arena = layoutArena(size, parts, requests);
    if (!arena) return allocateOnSharedBuffers(shapes);
    const arrays = arena.arrays;
    return shapes.map((shape, p) => ({
      offsets: arrays[`offsets${p}`] as Int32Array,
      targets: arrays[`targets${p}`] as Uint16Array | Int32Array,
      weights: shape.weighted ? (arrays[`weights${p}`] as Float64Array) : undefined,
    }));
  });
  return arena ? withArrays(arena, split.map((partition) => ({ ...partition, rowStride: 1, globalTargets: false }))) : split;
}

/** One shared memory with the engine's own arrays and the synapse arrays of `synapses`. */
function layoutArena(size: number, parts: number, synapses: Record<string, ArenaRequest>) {
  const capacity = size + OUTPUT_SLACK;
  return wasmArena({
    V: [Float64Array, size],
    lists: [Int32Array, 2 * size],
    control: [Int32Array, CONTROL_SLOTS],
    counts: [Int32Array, 2 * parts],
    bounds: [Int32Array, parts + 1],
    frames: [Int32Array, (parts * LIF_FRAME_BYTES) / 4],
    outputNeurons: [Int32Array, capacity],
    outputSteps: [Float64Array, capacity],
    ...synapses,
  } as Record<string, ArenaRequest>);
}

function withArrays(arena: NonNullable<ReturnType<typeof layoutArena>>, partitions: PartitionSynapses[]): WasmLayout {
  const arrays = arena.arrays as Record<string, Float64Array | Int32Array | Uint16Array>;
  return {
    memory: arena.memory,
    V: arrays.V as Float64Array,
    lists: arrays.lists as Int32Array,
    control: arrays.control as Int32Array,
    counts: arrays.counts as Int32Array,
    bounds: arrays.bounds as Int32Array,
    frames: arrays.frames as Int32Array,
    output: { neurons: arrays.outputNeurons as Int32Array, steps: arrays.outputSteps as Float64Array },
    partitions,
  };
}

/** Describes a partition to the kernel's step loop; only partition 0 (the calling thread) records. */
function writeFrame(layout: WasmLayout, context: PartitionContext): void {
  const { output } = layout;
  writeLifFrame(layout.memory, context.frame as number, {
    rate: context.rate,
    drive: context.drive,
    threshold: context.threshold,
    reset: context.reset,
    weight: context.weights ? 0 : context.weight,
    v: context.V.byteOffset,
    neurons: context.V.length,
    low: context.low,
    narrow: context.targets instanceof Uint16Array,
    weights: context.weights?.byteOffset,
    offsets: context.offsets.byteOffset,
    targets: context.targets.byteOffset,
    lists: context.lists.byteOffset,
    size: context.size,
    counts: context.counts.byteOffset,
    bounds: layout.bounds.byteOffset,
    parts: context.parts,
    index: context.index,
    control: context.control.byteOffset,
    output: context.output ? { neurons: output.neurons.byteOffset, steps: output.steps.byteOffset, capacity: output.neurons.length } : undefined,
    deliveryV: context.globalTargets ? layout.V.byteOffset : context.V.byteOffset,
    rowBytes: 4 * context.rowStride,
  });
}
