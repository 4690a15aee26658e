import type { Csr } from '../network/csr.js';

/**
 * The synapses of one post-synaptic partition [low, high) of a CSR, still indexed by presynaptic neuron,
 * with targets stored relative to `low`. Each thread delivers every spike but only to the targets it owns,
 * so no two threads ever write the same potential, and each target receives its pulses in the same order
 * as in the single-thread engine.
 */
export interface LifPartition {
  readonly low: number;
  readonly high: number;
  readonly offsets: Int32Array;
  readonly targets: Uint16Array | Int32Array;
  readonly weights?: Float64Array;
}

function sharedArray<T extends Int32Array | Uint16Array | Float64Array>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new Type(new SharedArrayBuffer(Math.max(1, length) * Type.BYTES_PER_ELEMENT));
}

/** Contiguous neuron ranges of near-equal size, in increasing order. */
export function partitionBounds(size: number, parts: number): number[] {
  const bounds = [0];
  for (let p = 1; p <= parts; p++) bounds.push(Math.round((p * size) / parts));
  return bounds;
}

/** Splits a CSR by post-synaptic partition onto SharedArrayBuffers, keeping each row's order. */
export function splitByTarget(csr: Csr, low: number, high: number): LifPartition {
  const { size, offsets, targets, weights } = csr;
  const local = sharedArray(Int32Array, size + 1);
  for (let pre = 0; pre < size; pre++) {
    let count = 0;
    const end = offsets[pre + 1];
    for (let k = offsets[pre]; k < end; k++) {
      const post = targets[k];
      if (post >= low && post < high) count++;
    }
    local[pre + 1] = local[pre] + count;
  }
  const total = local[size];
  const localTargets = high - low <= 65536 ? sharedArray(Uint16Array, total) : sharedArray(Int32Array, total);
  const localWeights = weights ? sharedArray(Float64Array, total) : undefined;
  let fill = 0;
  for (let pre = 0; pre < size; pre++) {
    const end = offsets[pre + 1];
    for (let k = offsets[pre]; k < end; k++) {
      const post = targets[k];
      if (post >= low && post < high) {
        localTargets[fill] = post - low;
        if (localWeights) localWeights[fill] = (weights as Float64Array)[k];
        fill++;
      }
    }
  }
  return { low, high, offsets: local, targets: localTargets, weights: localWeights };
}
