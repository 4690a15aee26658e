import { Observable, type OperatorFunction } from 'rxjs';
import { invalidParameter } from '../core/errors.js';
import type { Frame, SpikeFrame, StateFrame } from '../core/frame.js';

/**
 * Keeps only the chosen neurons and renumbers them by their position in `ids`, so downstream operators see a
 * population of `ids.length` neurons: a spike of neuron `ids[j]` becomes a spike of neuron `j`.
 *
 * Spike frames keep every frame (empty ones too, since they carry elapsed time) with `size = ids.length`.
 * State frames keep only the columns of chosen neurons, in their original order, with `neurons` renumbered the
 * same way. `flow` tickets and all other fields pass through unchanged.
 *
 * @example
 * ```ts
 * const excitatory = Array.from({ length: 800 }, (_, i) => i);
 * const excitatoryCv = await lastValueFrom(frames$.pipe(selectNeurons(excitatory), isiCv()));
 * ```
 * @param ids distinct neuron indices (integers ≥ 0) to keep, in their new order; each must be below the
 *   population size of the frames, or the stream errors
 * @returns an operator emitting the filtered frames
 */
export function selectNeurons(ids: ArrayLike<number>): OperatorFunction<Frame, Frame> {
  let maxId = -1;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j];
    if (!Number.isInteger(id) || id < 0) throw invalidParameter(`selectNeurons ids[${j}]`, id, 'a neuron index (integer ≥ 0)');
    if (id > maxId) maxId = id;
  }
  // position[n] = new index of neuron n, or −1 when it is not selected.
  const position = new Int32Array(maxId + 1).fill(-1);
  for (let j = 0; j < ids.length; j++) {
    if (position[ids[j]] >= 0) throw invalidParameter(`selectNeurons ids[${j}]`, ids[j], 'distinct neuron indices (it repeats an earlier id)');
    position[ids[j]] = j;
  }
  const selected = ids.length;

  return (source) =>
    new Observable<Frame>((subscriber) => {
      const subscription = source.subscribe({
        next(frame) {
          if (subscriber.closed) return;
          let out: Frame;
          try {
            out = frame.kind === 'spikes' ? selectSpikes(frame, position, selected, maxId) : selectState(frame, position);
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
      return () => subscription.unsubscribe();
    });
}

function selectSpikes(frame: SpikeFrame, position: Int32Array, selected: number, maxId: number): SpikeFrame {
  if (maxId >= frame.size) {
    throw invalidParameter('selectNeurons ids', maxId, `neuron indices below the population size ${frame.size}`);
  }
  const { neuron, t } = frame;
  const limit = position.length;
  let kept = 0;
  for (let i = 0; i < neuron.length; i++) {
    const n = neuron[i];
    if (n < limit && position[n] >= 0) kept++;
  }
  const outNeuron = new Int32Array(kept);
  const outT = new Float64Array(kept);
  let k = 0;
  for (let i = 0; i < neuron.length; i++) {
    const n = neuron[i];
    if (n >= limit) continue;
    const p = position[n];
    if (p < 0) continue;
    outNeuron[k] = p;
    outT[k] = t[i];
    k++;
  }
  return { ...frame, size: selected, neuron: outNeuron, t: outT };
}

function selectState(frame: StateFrame, position: Int32Array): StateFrame {
  const { neurons, values, times } = frame;
  const limit = position.length;
  const columns: number[] = [];
  for (let c = 0; c < neurons.length; c++) {
    const n = neurons[c];
    if (n < limit && position[n] >= 0) columns.push(c);
  }
  const width = neurons.length;
  const keptWidth = columns.length;
  const outNeurons = new Int32Array(keptWidth);
  for (let c = 0; c < keptWidth; c++) outNeurons[c] = position[neurons[columns[c]]];
  const samples = times.length;
  const outValues = new Float64Array(samples * keptWidth);
  for (let s = 0; s < samples; s++) {
    const from = s * width;
    const to = s * keptWidth;
    for (let c = 0; c < keptWidth; c++) outValues[to + c] = values[from + columns[c]];
  }
  return { ...frame, neurons: outNeurons, values: outValues };
}
