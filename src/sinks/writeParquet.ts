import { Observable, type MonoTypeOperatorFunction } from 'rxjs';
import { join } from 'node:path';
import type { Frame } from '../core/frame.js';
import { ParquetPartWriter, type ParquetPartWriterOptions } from './parquetParts.js';
import { spikeFrameToBatch, spikeSchema, stateFrameToBatch, stateSchema } from './tableSchemas.js';

export interface WriteParquetOptions extends ParquetPartWriterOptions {
  /** Which frames to write: spike frames (default) or the state frames of one variable. */
  readonly state?: string;
}

/**
 * Writes the stream's spike frames (or one state variable) to a crash-safe Parquet dataset directory and passes
 * every frame on unchanged. Each write is held on the frame's flow ticket, so a simulation waits for the disk
 * instead of buffering. The stream completes only after the last part is committed.
 *
 * @example
 * ```ts
 * await lastValueFrom(simulate(build, { duration: 10 }).pipe(writeParquet('out/spikes'), firingRates()));
 * ```
 * @param directory the dataset directory (`part-00000.parquet`, … and, unless a manifest is given, `manifest.json`)
 * @param options compression, part size, flush interval, manifest, or `state` to write a state variable instead
 */
export function writeParquet(directory: string, options: WriteParquetOptions = {}): MonoTypeOperatorFunction<Frame> {
  const variable = options.state;
  return (source) =>
    new Observable<Frame>((subscriber) => {
      const opened = ParquetPartWriter.open(directory, variable ? stateSchema : spikeSchema, {
        manifest: join(directory, 'manifest.json'),
        ...options,
      });
      let chain: Promise<unknown> = opened;
      const enqueue = (work: (writer: ParquetPartWriter) => Promise<void>) => {
        chain = Promise.all([opened, chain]).then(([writer]) => work(writer));
        return chain;
      };
      const fail = (error: unknown) => subscriber.error(error);
      const subscription = source.subscribe({
        next(frame) {
          let write: Promise<unknown> | undefined;
          if (!variable && frame.kind === 'spikes') write = enqueue((writer) => writer.append(spikeFrameToBatch(frame), frame));
          else if (variable && frame.kind === 'state' && frame.variable === variable) {
            write = enqueue((writer) => writer.append(stateFrameToBatch(frame), frame));
          }
          if (write) {
            if (frame.flow) frame.flow.hold(write);
            else write.catch(fail);
          }
          subscriber.next(frame);
        },
        error(error) {
          enqueue((writer) => writer.close({ complete: false })).then(
            () => subscriber.error(error),
            () => subscriber.error(error),
          );
        },
        complete() {
          enqueue((writer) => writer.close({ complete: true })).then(() => subscriber.complete(), fail);
        },
      });
      return () => subscription.unsubscribe();
    });
}
