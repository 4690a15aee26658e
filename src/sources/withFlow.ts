import { Observable } from 'rxjs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { FlowTicket, Frame } from '../core/frame.js';

/**
 * The flow control shared by `simulate()` and `replay()`: emits the produced frames with a flow ticket each,
 * pauses production while `maxInFlight` frames still have held work pending, and stops as soon as the subscriber
 * unsubscribes.
 */
export function withFlow<F extends Frame>(maxInFlight: number, produce: () => AsyncGenerator<F>): Observable<F> {
  return new Observable<F>((subscriber) => {
    let stopped = false;
    (async () => {
      const pending: Promise<unknown>[] = [];
      for await (const frame of produce()) {
        if (stopped) break;
        const holds: PromiseLike<unknown>[] = [];
        const flow: FlowTicket = { hold: (work) => void holds.push(work) };
        subscriber.next({ ...frame, flow });
        if (holds.length > 0) {
          const held = Promise.all(holds);
          // a rejection is reported when the frame's turn comes, not as an unhandled rejection before
          held.catch(() => undefined);
          pending.push(held);
        }
        while (pending.length >= maxInFlight) await pending.shift();
        if (stopped) break;
        // lets timers, signals and I/O run between frames, as the live run loop does
        await yieldToEventLoop();
      }
      await Promise.all(pending);
      if (!stopped) subscriber.complete();
    })().catch((error) => {
      if (!stopped) subscriber.error(error);
    });
    return () => {
      stopped = true;
    };
  });
}
