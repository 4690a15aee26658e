import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import { isSpikeFrame, type Frame } from '../core/frame.js';
import { addSpikes, isiCvValues, isiMoments, type IsiMoments } from '../kernels/isiMoments.js';
import { meanOf } from '../kernels/meanOf.js';
import { observedTime } from '../kernels/observedTime.js';
import { countSpikes, ratesFromCounts } from '../kernels/spikeCounts.js';

/** A contiguous block of neurons `[start, start + count)` with a name (`E`, `I`, …). */
export interface PopulationRange {
  readonly name: string;
  readonly start: number;
  readonly count: number;
}

export interface PopulationStatsOptions {
  readonly populations: readonly PopulationRange[];
  /** Fewest spikes a neuron needs for an ISI CV (integer ≥ 2, default 3). */
  readonly minSpikes?: number;
}

export interface PopulationStats {
  readonly name: string;
  readonly start: number;
  readonly count: number;
  /** Spikes of the population over the observed time. */
  readonly spikes: number;
  /** Mean firing rate of its neurons in Hz (spikes / (count · observed time)). */
  readonly meanRate: number;
  /** Mean ISI CV over its neurons with at least `minSpikes` spikes, NaN if none. */
  readonly meanCv: number;
  /** Neurons that have a CV. */
  readonly cvNeurons: number;
}

/**
 * Mean firing rate and mean ISI coefficient of variation of each named population, emitted once on completion.
 *
 * Rates and CVs are those of `firingRates` and `isiCv` (observed time = summed span of the spike frames, frames
 * that follow on exactly merged; population std of the ISIs) averaged over the population's neurons, so the result
 * is bit-identical for every chunking. Populations may overlap. State frames are ignored; with no spike frame at all
 * every population has rate and CV NaN.
 *
 * @example
 * ```ts
 * const [e, i] = await lastValueFrom(frames$.pipe(populationStats({
 *   populations: [{ name: 'E', start: 0, count: 800 }, { name: 'I', start: 800, count: 200 }],
 * })));
 * ```
 * @param options the populations (name, first neuron, size) and the fewest spikes for a CV
 * @returns an operator emitting one `PopulationStats` per population, in the given order
 */
export function populationStats(options: PopulationStatsOptions): OperatorFunction<Frame, PopulationStats[]> {
  const { populations } = options;
  const minSpikes = options.minSpikes ?? 3;
  if (!Number.isInteger(minSpikes) || minSpikes < 2) throw invalidParameter('populationStats minSpikes', minSpikes, 'an integer ≥ 2');
  if (populations.length === 0) throw invalidParameter('populationStats populations', '[]', 'at least one population');
  const names = new Set<string>();
  let end = 0;
  for (const [k, population] of populations.entries()) {
    const { name, start, count } = population;
    if (typeof name !== 'string' || name.length === 0 || names.has(name)) {
      throw invalidParameter(`populationStats populations[${k}].name`, name, 'a non-empty name not used by another population');
    }
    names.add(name);
    if (!Number.isInteger(start) || start < 0) throw invalidParameter(`populationStats population ${name} start`, start, 'an integer ≥ 0');
    if (!Number.isInteger(count) || count < 1) throw invalidParameter(`populationStats population ${name} count`, count, 'an integer ≥ 1');
    end = Math.max(end, start + count);
  }

  return (source) =>
    new Observable<PopulationStats[]>((subscriber) => {
      let counts: Float64Array | undefined;
      let moments: IsiMoments | undefined;
      const span = observedTime.init();

      const subscription = source.subscribe({
        next(frame) {
          if (subscriber.closed || !isSpikeFrame(frame)) return;
          try {
            if (counts === undefined) {
              if (frame.size < end) {
                throw invalidParameter('populationStats frame size', frame.size, `at least ${end} neurons, the end of the last population`);
              }
              counts = new Float64Array(frame.size);
              moments = isiMoments(frame.size);
            } else {
              if (frame.size !== counts.length) {
                throw invalidParameter('populationStats frame size', frame.size, `the population size of the first frame, ${counts.length}`);
              }
            }
            observedTime.add(span, frame.t0, frame.t1);
            countSpikes(frame.neuron, counts);
            addSpikes(moments as IsiMoments, frame.neuron, frame.t);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          const observed = observedTime.value(span);
          const rates = counts === undefined ? undefined : ratesFromCounts(counts, observed);
          const cvs = moments === undefined ? undefined : isiCvValues(moments, minSpikes);
          subscriber.next(
            populations.map(({ name, start, count }) => {
              if (rates === undefined || cvs === undefined || counts === undefined) {
                return { name, start, count, spikes: 0, meanRate: NaN, meanCv: NaN, cvNeurons: 0 };
              }
              const cv = cvs.subarray(start, start + count);
              let cvNeurons = 0;
              for (let i = 0; i < cv.length; i++) if (cv[i] === cv[i]) cvNeurons++;
              let spikes = 0;
              for (let i = start; i < start + count; i++) spikes += counts[i];
              return {
                name,
                start,
                count,
                spikes,
                meanRate: meanOf(rates.subarray(start, start + count)),
                meanCv: meanOf(cv, { skipNaN: true }),
                cvNeurons,
              };
            }),
          );
          subscriber.complete();
        },
      });

      return () => {
        subscription.unsubscribe();
        counts = undefined;
        moments = undefined;
      };
    });
}
