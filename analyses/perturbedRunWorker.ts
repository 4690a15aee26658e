import { workerData } from 'node:worker_threads';
import { perturbedRun, type PerturbedRunResult, type PerturbedRunShared, type PerturbedRunTask } from '../pipelines/perturbedRun.js';

const shared = workerData as PerturbedRunShared;

/** Worker-pool entry: one perturbed run of the study network shared by `mapInWorkers`'s workerData. */
export default function run(task: PerturbedRunTask): Promise<PerturbedRunResult> {
  return perturbedRun(shared, task);
}
