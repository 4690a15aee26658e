import { Subject, type Observable } from 'rxjs';
import type { Engine } from '../src/core/engine.js';
import type { Frame } from '../src/core/frame.js';
import { runFrames, type RunOptions } from '../src/core/run.js';

/**
 * Runs an engine through `runFrames` and feeds every frame to the operators `analyse` composes (subscribed before
 * the first frame), resolving to their result. `onFrame` sees each frame first (progress, stop requests).
 */
export async function driveFrames<T>(
  engine: Engine,
  options: RunOptions,
  analyse: (frames: Observable<Frame>) => Promise<T>,
  onFrame?: (frame: Frame) => void,
): Promise<T> {
  const frames = new Subject<Frame>();
  const analysis = analyse(frames.asObservable());
  try {
    for await (const frame of runFrames(engine, options)) {
      onFrame?.(frame);
      frames.next(frame);
    }
    frames.complete();
  } catch (error) {
    frames.error(error);
    await analysis.catch(() => undefined);
    throw error;
  }
  return analysis;
}
