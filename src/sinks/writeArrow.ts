import { Observable, type MonoTypeOperatorFunction } from 'rxjs';
import type { Frame } from '../core/frame.js';
import { ArrowIpcWriter } from './arrowIpc.js';
import { spikeFrameToBatch, spikeSchema, stateFrameToBatch, stateSchema } from './tableSchemas.js';

/**
 * Writes the stream's spike frames (or the state frames of one variable) to an Arrow IPC file and passes every
 * frame on. Writes are held on each frame's flow ticket; the file appears under its name only when the stream
 * completes, and is discarded if the stream fails.
 *
 * @example
 * ```ts
 * await lastValueFrom(simulate(build, { duration: 1 }).pipe(writeArrow('out/spikes.arrow'), firingRates()));
 * ```
 * @param path the `.arrow` file to write
 * @param options.state write this state variable (long format) instead of spikes
 */
export function writeArrow(path: string, options: { state?: string } = {}): MonoTypeOperatorFunction<Frame> {
  const variable = options.state;
  return (source) =>
    new Observable<Frame>((subscriber) => {
      const writer = new ArrowIpcWriter(path, variable ? stateSchema : spikeSchema);
      let chain: Promise<unknown> = Promise.resolve();
      const enqueue = (work: () => Promise<void>) => (chain = chain.then(work));
      const subscription = source.subscribe({
        next(frame) {
          let write: Promise<unknown> | undefined;
          if (!variable && frame.kind === 'spikes') write = enqueue(() => writer.write(spikeFrameToBatch(frame)));
          else if (variable && frame.kind === 'state' && frame.variable === variable) write = enqueue(() => writer.write(stateFrameToBatch(frame)));
          if (write) {
            if (frame.flow) frame.flow.hold(write);
            else write.catch((error) => subscriber.error(error));
          }
          subscriber.next(frame);
        },
        error(error) {
          enqueue(() => writer.abort()).then(
            () => subscriber.error(error),
            () => subscriber.error(error),
          );
        },
        complete() {
          enqueue(() => writer.close()).then(
            () => subscriber.complete(),
            (error) => subscriber.error(error),
          );
        },
      });
      return () => subscription.unsubscribe();
    });
}
