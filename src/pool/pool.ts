import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Progress } from '../core/command.js';
import { silentProgress } from '../core/command.js';
import { invalidParameter } from '../core/errors.js';
import { resolveWorkerFile } from './workerFile.js';

export interface PoolOptions {
  /** Worker threads; default all cores. */
  readonly workers?: number;
  readonly progress?: Progress;
  /** Sent once to every worker (e.g. a network whose typed arrays sit on SharedArrayBuffers). */
  readonly workerData?: unknown;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Runs independent tasks on a pool of worker threads (piscina) and returns results in task order.
 * The worker module's default export handles one task. Results never depend on the number of workers,
 * because every task carries everything that determines it (its seed, its realization index).
 *
 * @example
 * ```ts
 * const results = await mapInWorkers(new URL('./divergenceWorker.js', import.meta.url), tasks, { workers: 2 });
 * ```
 */
export async function mapInWorkers<Task, Result>(workerModule: URL, tasks: readonly Task[], options: PoolOptions = {}): Promise<Result[]> {
  const workers = options.workers ?? defaultWorkers();
  if (!(Number.isInteger(workers) && workers >= 1)) throw invalidParameter('workers', workers, 'an integer ≥ 1');
  const progress = options.progress ?? silentProgress;
  if (tasks.length === 0) return [];
  const pool = new Piscina<Task, Result>({
    filename: resolveWorkerFile(workerModule),
    minThreads: Math.min(workers, tasks.length),
    maxThreads: Math.min(workers, tasks.length),
    idleTimeout: 1000,
    workerData: options.workerData,
  });
  let done = 0;
  progress.update(0, tasks.length, 'runs');
  try {
    return await Promise.all(
      tasks.map((task) =>
        pool.run(task).then((result) => {
          progress.update(++done, tasks.length, 'runs');
          return result;
        }),
      ),
    );
  } finally {
    progress.done();
    await pool.destroy();
  }
}

/** Copies a typed array onto a SharedArrayBuffer so workers can read it without a copy per task. */
export function shareTypedArray<T extends Int32Array | Uint16Array | Float64Array | Uint32Array | Float32Array>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const Type = array.constructor as { new (buffer: SharedArrayBuffer): T };
  const shared = new Type(new SharedArrayBuffer(array.byteLength));
  shared.set(array as never);
  return shared;
}
