import { workerData } from 'node:worker_threads';
import { runBrunelPoint, type BrunelPointResult, type BrunelPointTask, type BrunelSweepShared } from '../pipelines/brunelSweep.js';

const shared = workerData as BrunelSweepShared;

/** Worker-pool entry: one (g, η) point of the Brunel phase diagram on the connectivity shared through workerData. */
export default function run(task: BrunelPointTask): Promise<BrunelPointResult> {
  return runBrunelPoint(shared, task);
}
