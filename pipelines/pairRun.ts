import { defer, from, lastValueFrom, reduce, type Observable } from 'rxjs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Engine } from '../src/core/engine.js';
import { SpikeRecorder } from '../src/core/engine.js';
import { invalidParameter } from '../src/core/errors.js';
import { stepsOf } from '../src/core/run.js';
import type { LifPhaseMap } from '../src/kernels/lifPhaseMap.js';
import { phaseDistance, type DistanceFrame, type StatePairFrame } from '../src/operators/phaseDistance.js';

/**
 * Samples of one trajectory's potentials V on a regular grid of steps, kept so that many perturbed runs can be
 * compared with one reference without simulating it again: row r is the state `r·everySteps` steps after the
 * start (row 0 is the start itself).
 */
export interface RecordedTrajectory {
  readonly size: number;
  readonly dt: number;
  readonly everySteps: number;
  readonly rows: number;
  /** rows × size, row-major; on a SharedArrayBuffer when recorded with `shared`, for worker threads. */
  readonly values: Float64Array;
}

export interface PairRunOptions {
  /** Simulated seconds after the start, a multiple of `every`. */
  readonly duration: number;
  /** Seconds between distance samples, a multiple of dt; default dt (every step). */
  readonly every?: number;
  /** Most values per trajectory in one pair frame (default 2^20), bounding memory for large networks. */
  readonly maxValuesPerFrame?: number;
}

/** The sample grid of a pair run: steps between samples and number of samples, t = 0 and t = duration included. */
export function sampleGrid(dt: number, options: PairRunOptions): { everySteps: number; rows: number } {
  const totalSteps = stepsOf('T', options.duration, dt);
  const everySteps = options.every === undefined ? 1 : stepsOf('every', options.every, dt);
  if (everySteps < 1) throw invalidParameter('every', options.every, `at least one step, dt = ${dt} s`);
  if (totalSteps % everySteps !== 0) throw invalidParameter('every', options.every, `a divisor of T = ${options.duration} s`);
  return { everySteps, rows: totalSteps / everySteps + 1 };
}

function isRecorded(source: Engine | RecordedTrajectory): source is RecordedTrajectory {
  return (source as RecordedTrajectory).everySteps !== undefined && (source as Engine).advance === undefined;
}

/**
 * Steps a reference and a perturbed trajectory of the same network in lockstep and yields their potentials at
 * every sample time as pair frames (t = 0 is the engines' current state). The reference is either a live engine,
 * advanced alongside, or a {@link RecordedTrajectory} sampled on the same grid. Only one frame's samples exist at a
 * time, never the whole history. Spikes are discarded.
 */
export async function* pairFrames(reference: Engine | RecordedTrajectory, perturbed: Engine, options: PairRunOptions): AsyncGenerator<StatePairFrame, void, undefined> {
  const { size, dt } = perturbed;
  if (reference.size !== size) throw invalidParameter('reference size', reference.size, `the perturbed network's size, ${size}`);
  if (reference.dt !== dt) throw invalidParameter('reference dt', reference.dt, `the perturbed engine's dt, ${dt} s`);
  const { everySteps, rows } = sampleGrid(dt, options);
  const recorded = isRecorded(reference) ? reference : undefined;
  const live = isRecorded(reference) ? undefined : reference;
  if (recorded && (recorded.everySteps !== everySteps || recorded.rows < rows)) {
    throw invalidParameter('every', options.every ?? dt, `the recorded reference's grid: ${recorded.rows} samples every ${recorded.everySteps} steps`);
  }
  const perFrame = Math.max(1, Math.floor((options.maxValuesPerFrame ?? 1 << 20) / Math.max(1, size)));
  const neurons = Int32Array.from({ length: size }, (_, i) => i);
  const spikes = new SpikeRecorder();
  for (let first = 0; first < rows; first += perFrame) {
    const count = Math.min(perFrame, rows - first);
    const times = new Float64Array(count);
    const referenceValues = recorded ? recorded.values.subarray(first * size, (first + count) * size) : new Float64Array(count * size);
    const perturbedValues = new Float64Array(count * size);
    for (let s = 0; s < count; s++) {
      const row = first + s;
      if (row > 0) {
        perturbed.advance(everySteps, spikes);
        live?.advance(everySteps, spikes);
        spikes.clear();
      }
      times[s] = row * everySteps * dt;
      perturbedValues.set(perturbed.variable('V'), s * size);
      if (live) referenceValues.set(live.variable('V'), s * size);
    }
    yield {
      kind: 'state-pair',
      variable: 'V',
      t0: times[0],
      t1: (first + count) * everySteps * dt,
      times,
      neurons,
      reference: referenceValues,
      perturbed: perturbedValues,
    };
    await yieldToEventLoop();
  }
}

/**
 * Records a trajectory's potentials on the sample grid of {@link pairFrames}, advancing `engine` by `duration`.
 * With `shared`, the samples live on a SharedArrayBuffer so worker threads read them without a copy.
 */
export function recordTrajectory(engine: Engine, options: PairRunOptions & { readonly shared?: boolean }): RecordedTrajectory {
  const { size, dt } = engine;
  const { everySteps, rows } = sampleGrid(dt, options);
  const bytes = rows * size * Float64Array.BYTES_PER_ELEMENT;
  const values = options.shared ? new Float64Array(new SharedArrayBuffer(bytes)) : new Float64Array(rows * size);
  const spikes = new SpikeRecorder();
  for (let row = 0; row < rows; row++) {
    if (row > 0) {
      engine.advance(everySteps, spikes);
      spikes.clear();
    }
    values.set(engine.variable('V'), row * size);
  }
  return { size, dt, everySteps, rows, values };
}

/**
 * D_φ(t) of a perturbed trajectory against a reference (live engine stepped in lockstep, or recorded), as a cold
 * Observable of distance frames.
 *
 * @example
 * ```ts
 * const trace = await distanceTrace(runPair(referenceEngine, perturbedEngine, { duration: 0.2, phase: map }));
 * ```
 */
export function runPair(reference: Engine | RecordedTrajectory, perturbed: Engine, options: PairRunOptions & { readonly phase: LifPhaseMap }): Observable<DistanceFrame> {
  return defer(() => from(pairFrames(reference, perturbed, options))).pipe(phaseDistance(options.phase));
}

/** A whole distance time series: sample times (s after the perturbation), L2 norms and mean absolute differences. */
export interface DistanceTrace {
  readonly times: Float64Array;
  readonly l2: Float64Array;
  readonly meanAbs: Float64Array;
}

/** Concatenates distance frames into one {@link DistanceTrace} (small: three numbers per sample). */
export function distanceTrace(frames: Observable<DistanceFrame>): Promise<DistanceTrace> {
  return lastValueFrom(
    frames.pipe(
      reduce(
        (parts: DistanceFrame[], frame: DistanceFrame) => {
          parts.push(frame);
          return parts;
        },
        [] as DistanceFrame[],
      ),
    ),
  ).then((parts) => {
    const concat = (pick: (frame: DistanceFrame) => Float64Array) => {
      const out = new Float64Array(parts.reduce((n, frame) => n + frame.times.length, 0));
      let offset = 0;
      for (const frame of parts) {
        out.set(pick(frame), offset);
        offset += frame.times.length;
      }
      return out;
    };
    return { times: concat((f) => f.times), l2: concat((f) => f.l2), meanAbs: concat((f) => f.meanAbs) };
  });
}
