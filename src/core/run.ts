import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Engine } from './engine.js';
import { SpikeRecorder, type StepProbe } from './engine.js';
import { invalidParameter } from './errors.js';
import type { Frame, SpikeFrame, StateFrame } from './frame.js';

/** Which neurons of which variable to sample, and how often. */
export interface StateRecording {
  readonly variable: string;
  /** Neuron indices, or 'all'. */
  readonly neurons: ArrayLike<number> | 'all';
  /** Sampling interval in seconds; rounded to whole steps (at least one). */
  readonly every: number;
  /** Stop sampling at this time (seconds), so that a figure's window does not slow the rest of a long run. */
  readonly until?: number;
}

export interface RunOptions {
  /** Simulated duration in seconds, from the engine's current step. */
  readonly duration: number;
  /** Simulated seconds per frame (default 0.1 s). Frames never change results, only their granularity. */
  readonly chunk?: number;
  readonly record?: readonly StateRecording[];
  /** Chunks never straddle a multiple of this many seconds, so checkpoints fall on chunk ends. */
  readonly boundaryEvery?: number;
  /**
   * Awaited after all frames of a chunk are consumed, before the engine advances again: the engine's state is
   * then exactly that at the chunk's end (`engine.step`), the moment to checkpoint or to stop.
   */
  readonly afterChunk?: (step: number) => void | Promise<void>;
}

/** Converts a duration to a whole number of steps; a duration off the step grid is an error, not silent rounding. */
export function stepsOf(name: string, duration: number, dt: number): number {
  const steps = Math.round(duration / dt);
  if (Math.abs(steps * dt - duration) > 1e-9 * Math.max(duration, dt)) {
    throw invalidParameter(name, duration, `a multiple of dt = ${dt} s`);
  }
  return steps;
}

interface Sampler {
  readonly variable: string;
  readonly neurons: Int32Array;
  readonly everySteps: number;
  /** First step not sampled any more. */
  readonly endStep: number;
}

/**
 * Pulls frames out of an engine: each `next()` advances one chunk and yields its spike frame,
 * then one state frame per recording. Nothing runs ahead of the consumer, so a consumer that awaits
 * its sinks bounds memory by one chunk.
 */
export async function* runFrames(engine: Engine, options: RunOptions): AsyncGenerator<Frame, void, undefined> {
  const { dt, size } = engine;
  const startStep = engine.step;
  const totalSteps = stepsOf('T', options.duration, dt);
  const chunkSteps = Math.max(1, Math.round((options.chunk ?? 0.1) / dt));
  const samplers: Sampler[] = (options.record ?? []).map((recording) => ({
    variable: recording.variable,
    neurons: recording.neurons === 'all' ? Int32Array.from({ length: size }, (_, i) => i) : Int32Array.from(recording.neurons),
    everySteps: Math.max(1, Math.round(recording.every / dt)),
    endStep: recording.until === undefined ? Infinity : Math.ceil(recording.until / dt - 1e-9),
  }));
  for (const sampler of samplers) {
    engine.variable(sampler.variable);
    for (const neuron of sampler.neurons) {
      if (!(neuron >= 0 && neuron < size)) throw invalidParameter('record', neuron, `a neuron index in [0, ${size})`);
    }
  }
  const boundarySteps = options.boundaryEvery ? Math.max(1, Math.round(options.boundaryEvery / dt)) : 0;
  const recorder = new SpikeRecorder();
  const endStep = startStep + totalSteps;
  for (let chunkStart = startStep, chunkEnd = startStep; chunkStart < endStep; chunkStart = chunkEnd) {
    chunkEnd = Math.min(endStep, chunkStart + chunkSteps);
    if (boundarySteps > 0) chunkEnd = Math.min(chunkEnd, (Math.floor(chunkStart / boundarySteps) + 1) * boundarySteps);
    recorder.clear();
    const stateFrames = advanceSampling(engine, samplers, chunkStart, chunkEnd, recorder);
    const spikeSteps = recorder.step.view();
    const times = new Float64Array(spikeSteps.length);
    for (let k = 0; k < times.length; k++) times[k] = spikeSteps[k] * dt;
    const spikes: SpikeFrame = {
      kind: 'spikes',
      t0: chunkStart * dt,
      t1: chunkEnd * dt,
      size,
      neuron: recorder.neuron.finish(),
      t: times,
    };
    yield spikes;
    for (const frame of stateFrames) yield frame;
    if (options.afterChunk) await options.afterChunk(chunkEnd);
    // let timers, signals and I/O run between chunks even when no consumer awaits anything
    await yieldToEventLoop();
  }
}

function advanceSampling(engine: Engine, samplers: Sampler[], chunkStart: number, chunkEnd: number, recorder: SpikeRecorder): StateFrame[] {
  const buffers = samplers.map((sampler) => {
    const first = Math.ceil(chunkStart / sampler.everySteps) * sampler.everySteps;
    const last = Math.min(chunkEnd, sampler.endStep);
    const samples = first < last ? Math.floor((last - 1 - first) / sampler.everySteps) + 1 : 0;
    return { times: new Float64Array(samples), values: new Float64Array(samples * sampler.neurons.length), filled: 0 };
  });
  if (engine.advanceProbed) {
    const probes: StepProbe[] = samplers.map((sampler, s) => ({
      variable: sampler.variable,
      neurons: sampler.neurons,
      everySteps: sampler.everySteps,
      endStep: sampler.endStep,
      values: buffers[s].values,
      filled: 0,
    }));
    engine.advanceProbed(chunkEnd - chunkStart, recorder, probes);
    for (let s = 0; s < samplers.length; s++) {
      const { times } = buffers[s];
      const first = Math.ceil(chunkStart / samplers[s].everySteps) * samplers[s].everySteps;
      for (let k = 0; k < times.length; k++) times[k] = (first + k * samplers[s].everySteps) * engine.dt;
    }
  } else {
    let step = chunkStart;
    while (step < chunkEnd) {
      let next = chunkEnd;
      for (let s = 0; s < samplers.length; s++) {
        const sampler = samplers[s];
        if (step >= sampler.endStep) continue;
        if (step % sampler.everySteps === 0) {
          const buffer = buffers[s];
          const neurons = sampler.neurons;
          const base = buffer.filled * neurons.length;
          if (engine.sample) engine.sample(sampler.variable, neurons, buffer.values, base);
          else {
            const source = engine.variable(sampler.variable);
            for (let k = 0; k < neurons.length; k++) buffer.values[base + k] = source[neurons[k]];
          }
          buffer.times[buffer.filled++] = step * engine.dt;
        }
        const upcoming = (Math.floor(step / sampler.everySteps) + 1) * sampler.everySteps;
        if (upcoming < next) next = upcoming;
      }
      engine.advance(next - step, recorder);
      step = next;
    }
  }
  return samplers.map((sampler, s) => ({
    kind: 'state',
    variable: sampler.variable,
    t0: chunkStart * engine.dt,
    t1: chunkEnd * engine.dt,
    times: buffers[s].times,
    neurons: sampler.neurons,
    values: buffers[s].values,
  }));
}
