import { parentPort } from 'node:worker_threads';
import { instantiateLifClock } from '../kernels/lifClockWasm.js';
import { runPartitionSteps, type PartitionContext } from './parallelLifSteps.js';
import { COMMAND, EXIT, FIRST_STEP, READY, STEPS, failThreads } from './threadBarrier.js';

/** About 50–100 µs of polling before the thread sleeps. */
const IDLE_SPINS = 50_000;

// threads start before their partition exists (`startLifThreads`), and receive it as their first message
parentPort?.once('message', (context: PartitionContext) => runPartition(context));

/** A partition thread: waits for a step command, runs it in lockstep with the others, repeats until told to exit. */
function runPartition(context: PartitionContext): void {
  const control = context.control;
  try {
    const kernel = context.memory ? instantiateLifClock(context.memory, context.module) : undefined;
    Atomics.add(control, READY, 1);
    Atomics.notify(control, READY);
    let seen = 0;
    while (true) {
      // spin briefly first: runs that sample state call advance step by step, and a futex wake-up per call
      // would cost more than the step itself
      let spins = 0;
      while (Atomics.load(control, COMMAND) === seen && ++spins < IDLE_SPINS);
      Atomics.wait(control, COMMAND, seen);
      seen = Atomics.load(control, COMMAND);
      if (Atomics.load(control, EXIT) !== 0) break;
      runPartitionSteps(context, Atomics.load(control, STEPS), Atomics.load(control, FIRST_STEP), undefined, kernel);
    }
  } catch (error) {
    failThreads(control);
    throw error;
  }
}
