import { Subject, lastValueFrom, tap, type Observable } from 'rxjs';
import { join } from 'node:path';
import type { Engine } from '../src/core/engine.js';
import type { Frame } from '../src/core/frame.js';
import type { RunContext } from '../src/core/command.js';
import { Interrupted } from '../src/core/errors.js';
import { runFrames, stepsOf, type StateRecording } from '../src/core/run.js';
import { writeCheckpoint, type Checkpoint } from '../src/sinks/checkpoint.js';
import { RunManifest } from '../src/sinks/manifest.js';
import { ParquetPartWriter } from '../src/sinks/parquetParts.js';
import { spikeFrameToBatch, spikeSchema, stateFrameToBatch, stateSchema } from '../src/sinks/tableSchemas.js';
import { replay } from '../src/sources/replay.js';

export interface RecordRunOptions<T> {
  readonly engine: Engine;
  /** Planned end of the run in simulated seconds (a resumed run continues from its checkpoint to here). */
  readonly duration: number;
  readonly chunk: number;
  readonly context: RunContext;
  /** State recordings streamed to `out/state/` (long format). */
  readonly record?: readonly StateRecording[];
  /** State recordings that only feed the analysis (figures), not written to disk. */
  readonly monitor?: readonly StateRecording[];
  /** Commit a part at least every this many simulated seconds. */
  readonly flushEvery?: number;
  /** Write a checkpoint every this many simulated seconds (0 or undefined: never). */
  readonly checkpointEvery?: number;
  /** Composes operators over the frame stream; subscribed before the first frame. */
  readonly analyse: (frames: Observable<Frame>) => Promise<T>;
}

export interface RecordRunResult<T> {
  readonly analysis: T;
  /** Spikes of the whole run, including those replayed from before a resume. */
  readonly spikes: number;
  readonly simulationSeconds: number;
  /** Simulated time at which this process started (0, or the checkpoint's time on resume). */
  readonly resumedAt: number;
}

/**
 * Drives an engine chunk by chunk: spike frames go to `out/spikes/` Parquet parts and recorded state to
 * `out/state/`, each write awaited so memory stays bounded by one part; every frame feeds the analysis.
 * With `checkpointEvery`, parts are committed and the full state written at those times, so `spikeflow resume`
 * continues exactly; on resume the committed spikes are replayed into the analysis first. SIGINT/SIGTERM commit
 * the open parts (and a checkpoint if enabled), leave the manifest incomplete and stop with exit 130/143.
 */
export async function recordRun<T>(options: RecordRunOptions<T>): Promise<RecordRunResult<T>> {
  const { engine, context } = options;
  const { out, progress } = context;
  const checkpoint = context.resume?.checkpoint;
  const runParams = { command: context.command, values: context.values };
  const manifestPath = join(out, 'manifest.json');
  const manifest = context.resume ? await RunManifest.load(manifestPath) : await RunManifest.create(manifestPath, runParams);
  if (context.resume) await manifest.updateParams(runParams);
  const flush = { flushEverySeconds: options.flushEvery ?? 1, manifest };
  const record = options.record ?? [];
  const openTable = (name: string, schema: typeof spikeSchema | typeof stateSchema) =>
    context.resume
      ? ParquetPartWriter.resumeFrom(join(out, name), schema, checkpoint?.sinks[name] ?? { parts: 0, rows: 0 }, { tableName: name, ...flush })
      : ParquetPartWriter.open(join(out, name), schema, { tableName: name, ...flush });
  const spikeWriter = await openTable('spikes', spikeSchema);
  const stateWriter = record.length > 0 ? await openTable('state', stateSchema) : undefined;
  if (checkpoint) engine.restoreState(checkpoint.engine);
  const resumedAt = engine.step * engine.dt;

  const frames = new Subject<Frame>();
  const analysis = options.analyse(frames.asObservable());
  let spikes = 0;
  if (checkpoint && resumedAt > 0) {
    await lastValueFrom(
      replay(out, { chunk: options.chunk, t0: 0, t1: resumedAt, size: engine.size }).pipe(
        tap((frame) => {
          if (frame.kind === 'spikes') spikes += frame.neuron.length;
          frames.next(frame);
        }),
      ),
      { defaultValue: undefined },
    );
  }

  const recorded = new Set(record.map((r) => r.variable));
  const checkpointEvery = options.checkpointEvery ?? 0;
  const checkpointSteps = checkpointEvery > 0 ? stepsOf('checkpoint-every', checkpointEvery, engine.dt) : 0;
  const saveCheckpoint = async () => {
    await spikeWriter.flush();
    await stateWriter?.flush();
    const sinks: Checkpoint['sinks'] = { spikes: spikeWriter.position() };
    if (stateWriter) sinks.state = stateWriter.position();
    await writeCheckpoint(out, {
      version: 1,
      command: context.command ?? '',
      values: context.values ?? {},
      time: engine.step * engine.dt,
      engine: engine.saveState(),
      sinks,
    });
  };
  const afterChunk = async (step: number) => {
    if (checkpointSteps > 0 && step % checkpointSteps === 0) await saveCheckpoint();
    const signal = context.stop?.signal;
    if (signal) {
      if (checkpointSteps > 0 && step % checkpointSteps !== 0) await saveCheckpoint();
      await spikeWriter.close({ complete: false });
      await stateWriter?.close({ complete: false });
      throw new Interrupted(
        signal,
        `parts up to t = ${+(step * engine.dt).toFixed(6)} s committed in ${out}` + (checkpointSteps > 0 ? `; continue with \`spikeflow resume ${out}\`` : ''),
      );
    }
  };

  let simulationMs = 0;
  const remaining = options.duration - resumedAt;
  try {
    const iterator = runFrames(engine, {
      duration: remaining,
      chunk: options.chunk,
      record: [...record, ...(options.monitor ?? [])],
      boundaryEvery: checkpointEvery > 0 ? checkpointEvery : undefined,
      afterChunk,
    });
    while (true) {
      const started = performance.now();
      const next = await iterator.next();
      simulationMs += performance.now() - started;
      if (next.done) break;
      const frame = next.value;
      if (frame.kind === 'spikes') {
        spikes += frame.neuron.length;
        await spikeWriter.append(spikeFrameToBatch(frame), frame);
        progress.update(frame.t1, options.duration, 's simulated');
      } else if (stateWriter && recorded.has(frame.variable)) {
        await stateWriter.append(stateFrameToBatch(frame), frame);
      }
      frames.next(frame);
    }
  } catch (error) {
    // parts still being written in the background finish before the error leaves this run
    await spikeWriter.settled();
    await stateWriter?.settled();
    throw error;
  } finally {
    await engine.dispose?.();
  }
  frames.complete();
  await spikeWriter.close({ complete: true });
  await stateWriter?.close({ complete: true });
  await manifest.finish();
  return { analysis: await analysis, spikes, simulationSeconds: simulationMs / 1000, resumedAt };
}
