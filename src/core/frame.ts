/**
 * Frames are the unit of flow: each one covers a chunk [t0, t1) of simulated time.
 * Columns are typed arrays so that a chunk with a million spikes is four allocations, not a million objects.
 */

/** Lets a consumer hold the producer back until its asynchronous work on a frame is done. */
export interface FlowTicket {
  hold(work: PromiseLike<unknown>): void;
}

/** All spikes of one population emitted in [t0, t1), ordered by time then by emission order. */
export interface SpikeFrame {
  readonly kind: 'spikes';
  /** Chunk start in seconds (inclusive). */
  readonly t0: number;
  /** Chunk end in seconds (exclusive). */
  readonly t1: number;
  /** Number of neurons in the population the indices refer to. */
  readonly size: number;
  readonly neuron: Int32Array;
  /** Spike times in seconds. */
  readonly t: Float64Array;
  readonly flow?: FlowTicket;
}

/** Samples of one state variable: `values[s * neurons.length + k]` is neuron `neurons[k]` at `times[s]`. */
export interface StateFrame {
  readonly kind: 'state';
  readonly variable: string;
  readonly t0: number;
  readonly t1: number;
  readonly times: Float64Array;
  readonly neurons: Int32Array;
  readonly values: Float64Array;
  readonly flow?: FlowTicket;
}

export type Frame = SpikeFrame | StateFrame;

export function isSpikeFrame(frame: Frame): frame is SpikeFrame {
  return frame.kind === 'spikes';
}

export function isStateFrame(frame: Frame): frame is StateFrame {
  return frame.kind === 'state';
}
