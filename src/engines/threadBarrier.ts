import { environmentError } from '../core/errors.js';

/** Slots of the shared control array that lockstep simulation threads coordinate through. */
export const ARRIVED = 0;
export const PHASE = 1;
export const COMMAND = 2;
export const STEPS = 3;
export const FIRST_STEP = 4;
export const READY = 5;
export const EXIT = 6;
export const FAILED = 7;
export const CONTROL_SLOTS = 8;

/** Spins this many times before blocking in Atomics.wait: a step takes tens of microseconds, a futex wait ~10 µs. */
const SPINS_BEFORE_WAIT = 20000;

/**
 * A sense-reversing barrier of `parts` threads, spinning on Atomics.load and blocking only when the cores are
 * oversubscribed. A thread that failed sets FAILED, and every waiting thread then throws instead of hanging.
 */
export function threadBarrier(control: Int32Array, parts: number): void {
  const phase = Atomics.load(control, PHASE);
  if (Atomics.add(control, ARRIVED, 1) === parts - 1) {
    Atomics.store(control, ARRIVED, 0);
    Atomics.add(control, PHASE, 1);
    Atomics.notify(control, PHASE);
    return;
  }
  let spins = 0;
  while (Atomics.load(control, PHASE) === phase) {
    if (++spins > SPINS_BEFORE_WAIT) {
      if (Atomics.load(control, FAILED) !== 0) throw environmentError('a simulation thread failed');
      Atomics.wait(control, PHASE, phase, 1);
    }
  }
}

/** Marks the thread group failed and wakes every waiter, so that nobody spins on a dead partner. */
export function failThreads(control: Int32Array): void {
  Atomics.store(control, FAILED, 1);
  Atomics.add(control, PHASE, 1);
  Atomics.notify(control, PHASE);
  Atomics.notify(control, READY);
}
