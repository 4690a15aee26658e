import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import type { Frame, StateFrame } from '../core/frame.js';
import type { PopulationRange } from './populationStats.js';

/**
 * Replaces each state frame of `variable` by the mean of that variable over each population at every sample: a
 * state frame of variable `mean(variable)` whose "neurons" are the population indices 0 … P − 1 (in the order
 * given), e.g. the activities m_E(t), m_I(t) of a binary network from frames of `sigma`. Means are over the recorded
 * neurons that fall in each population's range; a population with none recorded is an error. Other frames are
 * dropped. Chunking only changes how the samples are grouped into frames.
 *
 * @example
 * ```ts
 * const activity = await lastValueFrom(frames$.pipe(
 *   populationMean('sigma', [{ name: 'E', start: 0, count: 300 }, { name: 'I', start: 300, count: 100 }]),
 *   collectState('mean(sigma)'),
 * ));
 * ```
 * @param variable the recorded state variable to average
 * @param populations named contiguous neuron ranges
 * @returns an operator emitting one population-mean frame per input frame of `variable`
 */
export function populationMean(variable: string, populations: readonly PopulationRange[]): OperatorFunction<Frame, StateFrame> {
  if (populations.length === 0) throw invalidParameter('populationMean populations', '[]', 'at least one population');
  for (const { name, start, count } of populations) {
    if (!(Number.isInteger(start) && start >= 0 && Number.isInteger(count) && count >= 1)) {
      throw invalidParameter(`populationMean population ${name}`, `start ${start}, count ${count}`, 'integers start ≥ 0 and count ≥ 1');
    }
  }
  const output = `mean(${variable})`;
  const indices = Int32Array.from(populations, (_, p) => p);
  return (source) =>
    new Observable<StateFrame>((subscriber) => {
      // Columns of the recorded neurons in each population, cached for the neuron list of the latest frame.
      let neurons: Int32Array | undefined;
      let columns: Int32Array[] = [];

      const columnsOf = (frame: StateFrame): Int32Array[] => {
        if (frame.neurons === neurons) return columns;
        columns = populations.map(({ name, start, count }) => {
          const inside: number[] = [];
          for (let k = 0; k < frame.neurons.length; k++) {
            const neuron = frame.neurons[k];
            if (neuron >= start && neuron < start + count) inside.push(k);
          }
          if (inside.length === 0) throw invalidParameter(`populationMean population ${name}`, 'no recorded neuron', `recorded neurons in [${start}, ${start + count})`);
          return Int32Array.from(inside);
        });
        neurons = frame.neurons;
        return columns;
      };

      const subscription = source.subscribe({
        next(frame) {
          if (subscriber.closed || frame.kind !== 'state' || frame.variable !== variable) return;
          let out: StateFrame;
          try {
            const chosen = columnsOf(frame);
            const width = frame.neurons.length;
            const samples = frame.times.length;
            const values = new Float64Array(samples * chosen.length);
            for (let p = 0; p < chosen.length; p++) {
              const cols = chosen[p];
              for (let s = 0; s < samples; s++) {
                const base = s * width;
                let sum = 0;
                for (let c = 0; c < cols.length; c++) sum += frame.values[base + cols[c]];
                values[s * chosen.length + p] = sum / cols.length;
              }
            }
            out = { kind: 'state', variable: output, t0: frame.t0, t1: frame.t1, times: frame.times, neurons: indices, values, ...(frame.flow ? { flow: frame.flow } : {}) };
          } catch (error) {
            subscriber.error(error);
            return;
          }
          subscriber.next(out);
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        neurons = undefined;
        columns = [];
      };
    });
}
