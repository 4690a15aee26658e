import type { Observable } from 'rxjs';
import type { Engine } from '../core/engine.js';
import type { Frame } from '../core/frame.js';
import { withFlow } from './withFlow.js';
import { runFrames, type RunOptions } from '../core/run.js';

export interface SimulateOptions extends RunOptions {
  /**
   * At most this many frames may hold unfinished work (see `FlowTicket.hold`); the simulation waits for the
   * oldest before producing more. Bounds memory when sinks are slower than the simulation. Default 4.
   */
  readonly maxInFlight?: number;
}

/**
 * A simulation as a cold Observable of frames. Subscribing builds the engine and runs it; unsubscribing stops it
 * before the next step. Sinks that write asynchronously `hold` their work on each frame's `flow` ticket, and the
 * simulation waits whenever more than `maxInFlight` frames are still held: RxJS itself has no backpressure.
 *
 * @example
 * ```ts
 * const config = balancedLifConfig(parseParams(balancedLifParams, { N: 1000, K: 100, rheobase: 1 }));
 * const rates = await lastValueFrom(simulate(() => createBalancedLifEngine(config, { dt: 1e-4, seed: 1 }), { duration: 1 }).pipe(firingRates()));
 * ```
 * @param build creates a fresh engine for each subscription
 * @param options duration, chunk size, state recordings and flow limit
 */
export function simulate(build: () => Engine | Promise<Engine>, options: SimulateOptions): Observable<Frame> {
  const maxInFlight = Math.max(1, options.maxInFlight ?? 4);
  return withFlow(maxInFlight, async function* () {
    const engine = await build();
    try {
      yield* runFrames(engine, options);
    } finally {
      await engine.dispose?.();
    }
  });
}

/** The same run as a plain async iterable, for consumers that await their own work per frame. */
export function simulateFrames(engine: Engine, options: RunOptions): AsyncIterable<Frame> {
  return runFrames(engine, options);
}
