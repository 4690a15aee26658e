import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import { isSpikeFrame, type Frame } from '../core/frame.js';
import { binIndexOf, binRates, countSpikesInBins, firstWholeBin, type BinnedRate } from '../kernels/binnedPopulationRate.js';

export interface PopulationRateOptions {
  /** Bin width in seconds; bins are `[k·w, (k+1)·w)`, aligned at t = 0. */
  readonly binWidth: number;
}

/** Frame boundaries this far apart (in bin widths) still count as contiguous. */
const CONTIGUITY_TOLERANCE = 1e-9;

/**
 * Population rate (spikes per neuron per second, Hz) in fixed bins `[k·w, (k+1)·w)` aligned at t = 0,
 * emitted bin by bin as the stream moves past them.
 *
 * A bin is emitted once a spike frame's `t1` reaches its end. Only bins wholly inside the recording are emitted:
 * a leading bin that starts before the first frame's `t0` and a trailing bin still open when the source completes
 * are dropped, since their counts cover only part of the bin. Each emission holds the bins completed by one frame
 * (frames completing none emit nothing), so the concatenation of all emissions is identical for every chunking of
 * the same spike train, and equal to `binnedPopulationRate` of the whole train. Frames must be contiguous (each
 * `t0` equal to the previous `t1`); state frames are ignored.
 *
 * @example
 * ```ts
 * frames$.pipe(populationRate({ binWidth: 0.005 })).subscribe(({ t, rate }) => plot.append(t, rate));
 * ```
 * @param options `binWidth` in seconds
 * @returns an operator emitting `{ t, rate }`: bin start times in seconds and the rate in each bin in Hz
 */
export function populationRate(options: PopulationRateOptions): OperatorFunction<Frame, BinnedRate> {
  const binWidth = options.binWidth;
  if (!(binWidth > 0) || !Number.isFinite(binWidth)) {
    throw invalidParameter('populationRate binWidth', binWidth, 'a positive finite duration in seconds');
  }

  return (source) =>
    new Observable<BinnedRate>((subscriber) => {
      let size = -1;
      let previousEnd = NaN;
      /** Index of the first bin not yet emitted. */
      let nextBin = 0;
      /** Counts of bins from `nextBin` on that are not complete yet (usually just the current one). */
      let pending = new Float64Array(0);

      const subscription = source.subscribe({
        next(frame) {
          if (subscriber.closed || !isSpikeFrame(frame)) return;
          let completed: BinnedRate | undefined;
          try {
            if (size < 0) {
              size = frame.size;
              nextBin = firstWholeBin(frame.t0, binWidth);
            } else {
              if (frame.size !== size) {
                throw invalidParameter('populationRate frame size', frame.size, `the population size of the first frame, ${size}`);
              }
              if (Math.abs(frame.t0 - previousEnd) > CONTIGUITY_TOLERANCE * binWidth) {
                throw invalidParameter('populationRate frame t0', frame.t0, `contiguous frames, starting at the previous frame's t1 = ${previousEnd} s`);
              }
            }
            previousEnd = frame.t1;
            const spikes = frame.t;
            const ended = binIndexOf(frame.t1, binWidth);
            const lastSpikeBin = spikes.length > 0 ? binIndexOf(spikes[spikes.length - 1], binWidth) : -Infinity;
            const span = Math.max(ended, lastSpikeBin + 1, nextBin + pending.length) - nextBin;
            if (span <= 0) return;
            let counts = pending;
            if (span > pending.length) {
              counts = new Float64Array(span);
              counts.set(pending);
            }
            countSpikesInBins(spikes, binWidth, nextBin, counts);
            const done = ended - nextBin;
            if (done <= 0) {
              pending = counts;
              return;
            }
            const starts = new Float64Array(done);
            for (let k = 0; k < done; k++) starts[k] = (nextBin + k) * binWidth;
            completed = { t: starts, rate: binRates(counts.subarray(0, done), binWidth, size) };
            pending = counts.slice(done);
            nextBin = ended;
          } catch (error) {
            subscriber.error(error);
            return;
          }
          subscriber.next(completed);
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          // The trailing bin is still open: its count covers only part of its width, so it is dropped.
          subscriber.complete();
        },
      });

      return () => {
        subscription.unsubscribe();
        pending = new Float64Array(0);
      };
    });
}
