import { invalidParameter } from '../core/errors.js';
import type { Csr } from './csr.js';
import { targetArray } from './targetArray.js';

/** The draws a connectivity generator needs: the named streams' `RandomStream` satisfies it. */
export interface UniformSource {
  uniform(): number;
}

export interface ProjectionOptions {
  /** Pre and post are the same population: no neuron connects to itself. */
  readonly excludeSelf?: boolean;
}

/**
 * A projection from a presynaptic population of `preSize` to a postsynaptic one of `postSize` in which every
 * postsynaptic neuron receives exactly `inDegree` synapses from distinct presynaptic neurons, chosen uniformly
 * (Brunel 2000: C_E from the excitatory and C_I from the inhibitory population). Rows of the returned CSR are
 * presynaptic (its `size` is `preSize`), targets are postsynaptic indices in increasing order within each row.
 * Repeats are rejected with a stamp array, cheap while inDegree ≪ preSize.
 */
export function fixedInDegreeProjection(preSize: number, postSize: number, inDegree: number, random: UniformSource, options: ProjectionOptions = {}): Csr {
  const excludeSelf = options.excludeSelf ?? false;
  if (excludeSelf && preSize !== postSize) throw invalidParameter('excludeSelf', true, `equal pre and post sizes, got ${preSize} and ${postSize}`);
  const candidates = excludeSelf ? preSize - 1 : preSize;
  if (!(Number.isInteger(inDegree) && inDegree >= 0 && inDegree <= candidates)) {
    throw invalidParameter('in-degree', inDegree, `an integer in [0, ${candidates}] for ${preSize} presynaptic neurons`);
  }
  const total = postSize * inDegree;
  const sources = new Int32Array(total);
  const stamp = new Int32Array(preSize).fill(-1);
  const rowLength = new Int32Array(preSize);
  for (let post = 0; post < postSize; post++) {
    if (excludeSelf) stamp[post] = post;
    const base = post * inDegree;
    for (let k = 0; k < inDegree; k++) {
      let pre = Math.floor(random.uniform() * preSize);
      while (stamp[pre] === post) pre = Math.floor(random.uniform() * preSize);
      stamp[pre] = post;
      sources[base + k] = pre;
      rowLength[pre]++;
    }
  }
  const offsets = new Int32Array(preSize + 1);
  for (let i = 0; i < preSize; i++) offsets[i + 1] = offsets[i] + rowLength[i];
  const fill = offsets.slice(0, preSize);
  const targets = targetArray(postSize, total);
  // posts are visited in increasing order, so every row comes out sorted
  for (let post = 0; post < postSize; post++) {
    const base = post * inDegree;
    for (let k = 0; k < inDegree; k++) targets[fill[sources[base + k]]++] = post;
  }
  return { size: preSize, offsets, targets };
}
