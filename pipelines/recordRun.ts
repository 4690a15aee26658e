import { Subject, type Observable } from 'rxjs';
import { join } from 'node:path';
import type { Engine } from '../src/core/engine.js';
import type { Frame } from '../src/core/frame.js';
import type { Progress } from '../src/core/command.js';
import { runFrames, type StateRecording } from '../src/core/run.js';
import { RunManifest } from '../src/sinks/manifest.js';
import { ParquetPartWriter } from '../src/sinks/parquetParts.js';
import { spikeFrameToBatch, spikeSchema, stateFrameToBatch, stateSchema } from '../src/sinks/tableSchemas.js';

export interface RecordRunOptions<T> {
  readonly engine: Engine;
  readonly duration: number;
  readonly chunk: number;
  readonly out: string;
  /** Run parameters for the manifest. */
  readonly params: Record<string, unknown>;
  /** State recordings streamed to `out/state/` (long format). */
  readonly record?: readonly StateRecording[];
  /** State recordings that only feed the analysis (figures), not written to disk. */
  readonly monitor?: readonly StateRecording[];
  readonly flushEvery?: number;
  readonly progress: Progress;
  /** Composes operators over the frame stream; subscribed before the first frame. */
  readonly analyse: (frames: Observable<Frame>) => Promise<T>;
}

export interface RecordRunResult<T> {
  readonly analysis: T;
  readonly spikes: number;
  readonly simulationSeconds: number;
}

/**
 * Drives an engine chunk by chunk: every spike frame is written to `out/spikes/` Parquet parts (awaited, so
 * memory stays bounded by one part), recorded state to `out/state/`, and every frame is passed to the analysis.
 */
export async function recordRun<T>(options: RecordRunOptions<T>): Promise<RecordRunResult<T>> {
  const { engine, out, progress } = options;
  const manifest = await RunManifest.create(join(out, 'manifest.json'), options.params);
  const flush = { flushEverySeconds: options.flushEvery ?? 1 };
  const spikeWriter = await ParquetPartWriter.open(join(out, 'spikes'), spikeSchema, { tableName: 'spikes', manifest, ...flush });
  const record = options.record ?? [];
  const stateWriter = record.length > 0 ? await ParquetPartWriter.open(join(out, 'state'), stateSchema, { tableName: 'state', manifest, ...flush }) : undefined;
  const recorded = new Set(record.map((r) => r.variable));
  const frames = new Subject<Frame>();
  const analysis = options.analyse(frames.asObservable());
  let spikes = 0;
  let simulationMs = 0;
  try {
    const iterator = runFrames(engine, { duration: options.duration, chunk: options.chunk, record: [...record, ...(options.monitor ?? [])] });
    const startTime = engine.step * engine.dt;
    while (true) {
      const stepStart = performance.now();
      const next = await iterator.next();
      simulationMs += performance.now() - stepStart;
      if (next.done) break;
      const frame = next.value;
      if (frame.kind === 'spikes') {
        spikes += frame.neuron.length;
        await spikeWriter.append(spikeFrameToBatch(frame), { t0: frame.t0, t1: frame.t1 });
        progress.update(frame.t1 - startTime, options.duration, 's simulated');
      } else if (stateWriter && recorded.has(frame.variable)) {
        await stateWriter.append(stateFrameToBatch(frame), { t0: frame.t0, t1: frame.t1 });
      }
      frames.next(frame);
    }
  } finally {
    await engine.dispose?.();
  }
  frames.complete();
  await spikeWriter.close({ complete: true });
  await stateWriter?.close({ complete: true });
  await manifest.finish();
  return { analysis: await analysis, spikes, simulationSeconds: simulationMs / 1000 };
}
