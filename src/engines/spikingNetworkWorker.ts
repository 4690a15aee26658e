import { workerData } from 'node:worker_threads';
import { NetworkPartition, type NetworkLayout, type NetworkState } from './networkPartition.js';
import { COMMAND, EXIT, FIRST_STEP, READY, STEPS, failThreads } from './threadBarrier.js';

/** A worker thread of `SpikingNetworkEngine`: runs its partition whenever the main thread posts a command. */
const { layout, state, index } = workerData as { layout: NetworkLayout; state: NetworkState; index: number };
const control = state.control;
try {
  const partition = new NetworkPartition(layout, state, index);
  // read the command counter before announcing readiness, so a command posted right after cannot be missed
  let seen = Atomics.load(control, COMMAND);
  Atomics.add(control, READY, 1);
  Atomics.notify(control, READY);
  for (;;) {
    Atomics.wait(control, COMMAND, seen);
    seen = Atomics.load(control, COMMAND);
    if (Atomics.load(control, EXIT) !== 0) break;
    partition.run(Atomics.load(control, STEPS), Atomics.load(control, FIRST_STEP));
  }
} catch (error) {
  failThreads(control);
  throw error;
}
