import { lastValueFrom } from 'rxjs';
import { EiRateEngine } from '../src/engines/eiRateEngine.js';
import type { EiRateParams } from '../src/kernels/eiRateField.js';
import { collectState } from '../src/operators/collectState.js';
import { driveFrames } from './driveFrames.js';

export interface EiTrajectory {
  /** Sample times in the unit of the time constants. */
  readonly t: Float64Array;
  readonly vE: Float64Array;
  readonly vI: Float64Array;
}

/**
 * One trajectory of the E–I rate model from `start`, integrated by the RK4 engine for `steps` steps of `dt` and
 * sampled every `every` steps (the initial state included), through the frame stream like any other run.
 */
export async function eiTrajectory(params: EiRateParams, start: readonly [number, number], options: { dt: number; steps: number; every: number }): Promise<EiTrajectory> {
  const { dt, steps, every } = options;
  const engine = new EiRateEngine({ params, dt, initial: start });
  const duration = steps * dt;
  const trace = await driveFrames(
    engine,
    { duration, chunk: Math.max(dt, Math.ceil(steps / 8) * dt), record: [{ variable: 'v', neurons: [0, 1], every: every * dt }] },
    (frames) => lastValueFrom(frames.pipe(collectState('v'))),
  );
  const samples = trace.times.length;
  const vE = new Float64Array(samples + 1);
  const vI = new Float64Array(samples + 1);
  const t = new Float64Array(samples + 1);
  for (let s = 0; s < samples; s++) {
    t[s] = trace.times[s];
    vE[s] = trace.values[2 * s];
    vI[s] = trace.values[2 * s + 1];
  }
  // the state after the last step, which the sampler (at step multiples below the end) does not include
  const last = engine.variable('v');
  t[samples] = engine.step * dt;
  vE[samples] = last[0];
  vI[samples] = last[1];
  return { t, vE, vI };
}
