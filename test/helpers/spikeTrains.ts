/**
 * Shared fast-check arbitraries for spike trains and their chunkings into frame streams.
 * Operators must give the same answer for every chunking, so tests compare `frames` against `wholeFrames(train)`.
 */
import fc from 'fast-check';
import type { Frame, SpikeFrame, StateFrame } from '../../src/index.js';

/** A whole recorded spike train over `[t0, t1)`, times non-decreasing. */
export interface SpikeTrain {
  readonly size: number;
  readonly t0: number;
  readonly t1: number;
  readonly neuron: Int32Array;
  readonly t: Float64Array;
}

/** A spike train and one chunking of it into a frame stream. */
export interface ChunkedSpikeTrain {
  readonly train: SpikeTrain;
  readonly frames: readonly Frame[];
}

export interface SpikeTrainConstraints {
  /** Largest population (default 50). */
  readonly maxSize?: number;
  /** Most spikes (default 300). */
  readonly maxSpikes?: number;
  /** Most chunk cuts, so at most `maxCuts + 1` spike frames (default 12). */
  readonly maxCuts?: number;
  /** Interleave state frames between spike frames (default true). */
  readonly stateFrames?: boolean;
}

/**
 * Spike trains of two flavours: times on a step grid (`step * dt`, as engines produce them, with simultaneous
 * spikes and times exactly on round boundaries) and arbitrary real times.
 */
export function spikeTrainArbitrary(constraints: SpikeTrainConstraints = {}): fc.Arbitrary<SpikeTrain> {
  return fc.oneof(gridTrain(constraints), continuousTrain(constraints));
}

/** A spike train and a random chunking of it, with empty and zero-length frames and optional state frames. */
export function chunkedSpikeTrainArbitrary(constraints: SpikeTrainConstraints = {}): fc.Arbitrary<ChunkedSpikeTrain> {
  const maxCuts = constraints.maxCuts ?? 12;
  const withState = constraints.stateFrames ?? true;
  return spikeTrainArbitrary(constraints).chain((train) =>
    fc
      .tuple(cutArbitrary(train, maxCuts), fc.boolean())
      .map(([cuts, state]) => ({ train, frames: chunkSpikeTrain(train, cuts, { stateFrames: withState && state }) })),
  );
}

/** The unchunked stream: one spike frame covering the whole train. */
export function wholeFrames(train: SpikeTrain): Frame[] {
  return [{ kind: 'spikes', t0: train.t0, t1: train.t1, size: train.size, neuron: train.neuron.slice(), t: train.t.slice() }];
}

/**
 * Cuts `train` at the given times (sorted, within `[t0, t1]`, repeats give zero-length frames) into spike frames
 * covering `[t0, cut1), [cut1, cut2), …, [cutN, t1)`. With `stateFrames`, every other spike frame is followed by a
 * state frame sampling the even-numbered neurons, which spike operators must ignore.
 */
export function chunkSpikeTrain(train: SpikeTrain, cuts: readonly number[], options: { stateFrames?: boolean } = {}): Frame[] {
  const bounds = [train.t0, ...cuts, train.t1];
  const frames: Frame[] = [];
  let start = 0;
  for (let f = 0; f + 1 < bounds.length; f++) {
    const t0 = bounds[f];
    const t1 = bounds[f + 1];
    let end = start;
    while (end < train.t.length && (f + 2 === bounds.length || train.t[end] < t1)) end++;
    const spikes: SpikeFrame = {
      kind: 'spikes',
      t0,
      t1,
      size: train.size,
      neuron: train.neuron.slice(start, end),
      t: train.t.slice(start, end),
    };
    frames.push(spikes);
    if (options.stateFrames && f % 2 === 0) frames.push(stateFrameFor(t0, t1, train.size));
    start = end;
  }
  return frames;
}

function stateFrameFor(t0: number, t1: number, size: number): StateFrame {
  const neurons = Int32Array.from({ length: Math.ceil(size / 2) }, (_, k) => 2 * k);
  const times = t1 > t0 ? Float64Array.of(t0, (t0 + t1) / 2) : new Float64Array(0);
  const values = Float64Array.from({ length: times.length * neurons.length }, (_, i) => -0.07 + 0.001 * i);
  return { kind: 'state', variable: 'v', t0, t1, times, neurons, values };
}

function gridTrain(constraints: SpikeTrainConstraints): fc.Arbitrary<SpikeTrain> {
  const maxSize = constraints.maxSize ?? 50;
  const maxSpikes = constraints.maxSpikes ?? 300;
  return fc
    .record({
      size: fc.integer({ min: 1, max: maxSize }),
      dt: fc.constantFrom(1e-4, 5e-4, 1e-3, 0.1 / 3),
      startStep: fc.integer({ min: 0, max: 500 }),
      steps: fc.integer({ min: 1, max: 3000 }),
    })
    .chain(({ size, dt, startStep, steps }) =>
      fc
        .array(fc.tuple(fc.integer({ min: 0, max: steps - 1 }), fc.integer({ min: 0, max: size - 1 })), { maxLength: maxSpikes })
        .map((spikes) => {
          spikes.sort((a, b) => a[0] - b[0]);
          return {
            size,
            t0: startStep * dt,
            t1: (startStep + steps) * dt,
            neuron: Int32Array.from(spikes, ([, n]) => n),
            t: Float64Array.from(spikes, ([step]) => (startStep + step) * dt),
          };
        }),
    );
}

function continuousTrain(constraints: SpikeTrainConstraints): fc.Arbitrary<SpikeTrain> {
  const maxSize = constraints.maxSize ?? 50;
  const maxSpikes = constraints.maxSpikes ?? 300;
  return fc
    .record({
      size: fc.integer({ min: 1, max: maxSize }),
      t0: fc.double({ min: 0, max: 20, noNaN: true }),
      duration: fc.double({ min: 1e-3, max: 5, noNaN: true }),
    })
    .chain(({ size, t0, duration }) => {
      const t1 = t0 + duration;
      return fc
        .array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 0, max: size - 1 })), {
          maxLength: maxSpikes,
        })
        .map((raw) => {
          const spikes = raw.map(([u, n]) => [t0 + u * duration, n] as const).filter(([time]) => time >= t0 && time < t1);
          spikes.sort((a, b) => a[0] - b[0]);
          return {
            size,
            t0,
            t1,
            neuron: Int32Array.from(spikes, ([, n]) => n),
            t: Float64Array.from(spikes, ([time]) => time),
          };
        });
    });
}

/** Cut times inside `[t0, t1]`, sorted; for grid-like trains they often fall on spike times. */
function cutArbitrary(train: SpikeTrain, maxCuts: number): fc.Arbitrary<number[]> {
  const { t0, t1, t } = train;
  const anywhere = fc.double({ min: 0, max: 1, noNaN: true }).map((u) => Math.min(t1, t0 + u * (t1 - t0)));
  const atSpike = t.length > 0 ? fc.integer({ min: 0, max: t.length - 1 }).map((i) => t[i]) : anywhere;
  return fc
    .array(fc.oneof(anywhere, atSpike, fc.constantFrom(t0, t1)), { maxLength: maxCuts })
    .map((cuts) => cuts.sort((a, b) => a - b));
}

/** A hand-written spike frame, for examples in tests. */
export const spikeFrame = (t0: number, t1: number, neuron: number[], t: number[], size = 2): Frame => ({
  kind: 'spikes',
  t0,
  t1,
  size,
  neuron: Int32Array.from(neuron),
  t: Float64Array.from(t),
});
