import type { OperatorFunction } from 'rxjs';
import type { Frame } from '../core/frame.js';
import { binnedCounts } from './binnedCounts.js';
import { fanoFactors } from '../kernels/fanoFactors.js';
import { meanOf } from '../kernels/meanOf.js';

export interface FanoFactorOptions {
  /** Counting window in seconds; windows are `[k·w, (k+1)·w)`, aligned at t = 0, not overlapping. */
  readonly window: number;
}

export interface FanoFactorResult {
  /** Fano factor of each neuron, NaN for neurons that never spiked in a whole window. */
  readonly perNeuron: Float64Array;
  /** Mean over the neurons with a defined Fano factor (NaN if none). */
  readonly mean: number;
  /** Neurons with a defined Fano factor. */
  readonly neurons: number;
  /** Whole windows counted. */
  readonly windows: number;
}

/**
 * Spike-count Fano factor, Var/mean of each neuron's spike count over consecutive windows, emitted once on
 * completion together with its population mean.
 *
 * The variance is the unbiased sample variance over the K whole windows inside the recording (divisor K − 1), so a
 * Poisson neuron has Fano factor ≈ 1 (exactly 1 in expectation), a regular one ≈ 0 for windows much longer than its
 * period, and bursty or slowly modulated firing gives values above 1. Counts are summed exactly, so the result is
 * bit-identical for every chunking. Frames must be contiguous; state frames are ignored; with no spike frame the
 * per-neuron array is empty.
 *
 * @example
 * ```ts
 * const { mean } = await lastValueFrom(frames$.pipe(fanoFactor({ window: 0.1 })));
 * ```
 * @param options `window`, the counting window in seconds
 * @returns an operator emitting one `FanoFactorResult`
 */
export function fanoFactor(options: FanoFactorOptions): OperatorFunction<Frame, FanoFactorResult> {
  return binnedCounts('fanoFactor', 'window', options.window, (moments) => {
    const perNeuron = moments === undefined ? new Float64Array(0) : fanoFactors(moments);
    let neurons = 0;
    for (let i = 0; i < perNeuron.length; i++) if (perNeuron[i] === perNeuron[i]) neurons++;
    return { perNeuron, mean: meanOf(perNeuron, { skipNaN: true }), neurons, windows: moments?.bins ?? 0 };
  });
}
