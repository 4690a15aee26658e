import { invalidParameter } from '../core/errors.js';
import type { RandomStream } from '../random/stream.js';
import type { Csr } from './csr.js';
import { targetArray } from './targetArray.js';

/**
 * Every neuron receives exactly `inDegree` synapses from distinct presynaptic neurons other than itself,
 * chosen uniformly. Sampling rejects repeats with a stamp array, cheap while inDegree ≪ N.
 * Within each presynaptic row, targets are in increasing order.
 */
export function fixedInDegree(size: number, inDegree: number, random: RandomStream): Csr {
  if (!(Number.isInteger(inDegree) && inDegree >= 0 && inDegree <= size - 1)) {
    throw invalidParameter('K', inDegree, `an integer in [0, ${size - 1}] for N = ${size}`);
  }
  const total = size * inDegree;
  const sources = new Int32Array(total);
  const stamp = new Int32Array(size).fill(-1);
  const outDegree = new Int32Array(size + 1);
  for (let post = 0; post < size; post++) {
    stamp[post] = post;
    const base = post * inDegree;
    for (let k = 0; k < inDegree; k++) {
      let pre = Math.floor(random.uniform() * size);
      while (stamp[pre] === post) pre = Math.floor(random.uniform() * size);
      stamp[pre] = post;
      sources[base + k] = pre;
      outDegree[pre + 1]++;
    }
  }
  const offsets = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) offsets[i + 1] = offsets[i] + outDegree[i + 1];
  const fill = offsets.slice(0, size);
  const targets = targetArray(size, total);
  for (let post = 0; post < size; post++) {
    const base = post * inDegree;
    for (let k = 0; k < inDegree; k++) targets[fill[sources[base + k]]++] = post;
  }
  return { size, offsets, targets, sortedRows: true };
}
