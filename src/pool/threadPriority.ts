import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Gives the calling thread the lowest scheduling priority (nice 19), so that it runs on cores the other threads
 * leave idle and never delays lockstep simulation threads. Linux names a thread's task in /proc/thread-self;
 * elsewhere the thread keeps its priority. Returns whether the priority was lowered.
 */
export function lowerThreadPriority(): boolean {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
    return true;
  } catch {
    return false;
  }
}
