import { workerData } from 'node:worker_threads';
import { COMMAND, EXIT, FAILED, READY, STEPS, runPartitionSteps, type PartitionContext } from './parallelLifSteps.js';

/** A partition thread: waits for a step command, runs it in lockstep with the others, repeats until told to exit. */
const context = workerData as PartitionContext;
const control = context.control;
try {
  Atomics.add(control, READY, 1);
  Atomics.notify(control, READY);
  let seen = 0;
  while (true) {
    Atomics.wait(control, COMMAND, seen);
    seen = Atomics.load(control, COMMAND);
    if (Atomics.load(control, EXIT) !== 0) break;
    runPartitionSteps(context, Atomics.load(control, STEPS), 0);
  }
} catch (error) {
  Atomics.store(control, FAILED, 1);
  Atomics.notify(control, READY);
  throw error;
}
