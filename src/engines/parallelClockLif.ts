import { Worker } from 'node:worker_threads';
import type { Engine, EngineState, SpikeRecorder } from '../core/engine.js';
import { environmentError, invalidParameter } from '../core/errors.js';
import { resolveWorkerFile } from '../pool/workerFile.js';
import type { ClockLifOptions } from './clockLif.js';
import { partitionBounds, splitByTarget } from './lifPartition.js';
import { runPartitionSteps, type PartitionContext } from './parallelLifSteps.js';
import { COMMAND, CONTROL_SLOTS, EXIT, FAILED, READY, STEPS } from './threadBarrier.js';

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
    this.V = new Float64Array(new SharedArrayBuffer(size * 8));
    this.V.set(v0);
    this.control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
    const lists = new Int32Array(new SharedArrayBuffer(2 * size * 4));
    const counts = new Int32Array(new SharedArrayBuffer(2 * parts * 4));
    const bounds = partitionBounds(size, parts);
    const contexts: PartitionContext[] = [];
    for (let p = 0; p < parts; p++) {
      const partition = splitByTarget(csr, bounds[p], bounds[p + 1]);
      contexts.push({
        index: p,
        parts,
        bounds,
        low: bounds[p],
        V: new Float64Array(this.V.buffer, bounds[p] * 8, bounds[p + 1] - bounds[p]),
        offsets: partition.offsets,
        targets: partition.targets,
        weights: partition.weights,
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
      });
    }
    this.main = contexts[0];
    const file = resolveWorkerFile(new URL('./parallelLifWorker.js', import.meta.url));
    for (let p = 1; p < parts; p++) {
      const worker = new Worker(file, { workerData: contexts[p] });
      // the worker marks the group failed itself; the listener only keeps its error from crashing the process
      worker.on('error', () => Atomics.store(this.control, FAILED, 1));
      worker.unref();
      this.workers.push(worker);
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
    Atomics.add(this.control, COMMAND, 1);
    Atomics.notify(this.control, COMMAND);
    runPartitionSteps(this.main, steps, this.step, spikes);
    this.step += steps;
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
