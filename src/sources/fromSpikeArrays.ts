import { Observable } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import type { SpikeFrame } from '../core/frame.js';

export interface SpikeArrays {
  /** Neuron index of each spike, in `[0, size)`. */
  readonly neuron: ArrayLike<number>;
  /** Spike times in seconds, non-decreasing, in `[t0, t1)`. */
  readonly t: ArrayLike<number>;
  /** Neurons in the population. */
  readonly size: number;
  /** Recording start in seconds (inclusive). Default 0. */
  readonly t0?: number;
  /** Recording end in seconds (exclusive). */
  readonly t1: number;
  /** Seconds of recording per frame. Default 0.1, the simulation's default chunk. */
  readonly chunk?: number;
}

/** Chunk ends this close (in chunks) below `t1` are snapped to `t1` so float rounding never leaves a sliver frame. */
const CHUNK_TOLERANCE = 1e-9;

/**
 * Replays a recorded spike train as a cold Observable of spike frames of `chunk` seconds each:
 * frame k covers `[t0 + k·chunk, t0 + (k+1)·chunk)`, the last one ends exactly at `t1`, and every chunk yields a
 * frame even when it holds no spike. Frames are emitted synchronously on subscription; their columns are views
 * into one copy of the input made when this function is called, so they must not be modified.
 *
 * @example
 * ```ts
 * const rates = await lastValueFrom(fromSpikeArrays({ neuron, t, size: 100, t1: 2, chunk: 0.25 }).pipe(firingRates()));
 * ```
 * @param spikes the spike columns, population size, recording window and chunk length
 * @throws SpikeflowError (exit 2) when the columns differ in length, a time is out of order or outside `[t0, t1)`,
 *   or a neuron index is outside `[0, size)`
 */
export function fromSpikeArrays(spikes: SpikeArrays): Observable<SpikeFrame> {
  const { size, t1 } = spikes;
  const t0 = spikes.t0 ?? 0;
  const chunk = spikes.chunk ?? 0.1;
  if (!Number.isInteger(size) || size < 0) throw invalidParameter('size', size, 'an integer ≥ 0');
  if (!Number.isFinite(t0)) throw invalidParameter('t0', t0, 'a finite time in seconds');
  if (!Number.isFinite(t1) || t1 < t0) throw invalidParameter('t1', t1, `a finite time ≥ t0 = ${t0} s`);
  if (!(chunk > 0) || !Number.isFinite(chunk)) throw invalidParameter('chunk', chunk, 'a positive finite duration in seconds');
  if (spikes.t.length !== spikes.neuron.length) {
    throw invalidParameter('t length', spikes.t.length, `${spikes.neuron.length}, one time per neuron index`);
  }
  const neuron = Int32Array.from(spikes.neuron);
  const t = Float64Array.from(spikes.t);
  for (let i = 0; i < neuron.length; i++) {
    const n = spikes.neuron[i];
    if (!(Number.isInteger(n) && n >= 0 && n < size)) throw invalidParameter(`neuron[${i}]`, n, `an integer in [0, ${size})`);
  }
  let previous = t0;
  for (let i = 0; i < t.length; i++) {
    const time = t[i];
    if (!(time >= previous)) {
      throw invalidParameter(`t[${i}]`, time, i === 0 ? `a time ≥ t0 = ${t0} s` : `a time ≥ t[${i - 1}] = ${previous} s (times must be sorted)`);
    }
    if (!(time < t1)) throw invalidParameter(`t[${i}]`, time, `a time < t1 = ${t1} s`);
    previous = time;
  }
  const frames = t1 > t0 ? Math.max(1, Math.ceil((t1 - t0) / chunk - CHUNK_TOLERANCE)) : 0;

  return new Observable<SpikeFrame>((subscriber) => {
    let start = 0;
    for (let k = 0; k < frames && !subscriber.closed; k++) {
      // Boundaries from k·chunk rather than a running sum, so rounding does not accumulate over long replays.
      const frameStart = k === 0 ? t0 : t0 + k * chunk;
      const frameEnd = k === frames - 1 ? t1 : t0 + (k + 1) * chunk;
      let end = start;
      while (end < t.length && t[end] < frameEnd) end++;
      subscriber.next({
        kind: 'spikes',
        t0: frameStart,
        t1: frameEnd,
        size,
        neuron: neuron.subarray(start, end),
        t: t.subarray(start, end),
      });
      start = end;
    }
    subscriber.complete();
  });
}
