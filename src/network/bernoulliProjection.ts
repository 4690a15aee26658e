import { invalidParameter } from '../core/errors.js';
import type { Csr } from './csr.js';
import type { ProjectionOptions, UniformSource } from './fixedInDegreeProjection.js';
import { targetArray } from './targetArray.js';

/**
 * A projection in which each (pre, post) pair is connected independently with probability p (Brian2's
 * `connect(p=…)`), drawn row by row with geometric skips between successive targets (Batagelj & Brandes 2005),
 * so the cost is proportional to the number of synapses. Rows are presynaptic (the CSR's `size` is `preSize`),
 * targets postsynaptic indices in increasing order. p = 1 connects every pair (all-to-all).
 */
export function bernoulliProjection(preSize: number, postSize: number, probability: number, random: UniformSource, options: ProjectionOptions = {}): Csr {
  const excludeSelf = options.excludeSelf ?? false;
  if (excludeSelf && preSize !== postSize) throw invalidParameter('excludeSelf', true, `equal pre and post sizes, got ${preSize} and ${postSize}`);
  if (!(probability >= 0 && probability <= 1)) throw invalidParameter('p', probability, 'a probability in [0, 1]');
  const candidates = excludeSelf ? postSize - 1 : postSize;
  const offsets = new Int32Array(preSize + 1);
  const expected = preSize * candidates * probability;
  let targets = targetArray(postSize, Math.ceil(expected + 6 * Math.sqrt(expected + 1) + 16));
  let count = 0;
  const logMiss = Math.log1p(-probability);
  for (let pre = 0; pre < preSize; pre++) {
    if (probability === 1) {
      if (count + candidates > targets.length) targets = grow(targets, postSize, count + candidates);
      for (let m = 0; m < candidates; m++) targets[count++] = excludeSelf && m >= pre ? m + 1 : m;
    } else if (probability > 0) {
      // m enumerates the candidate targets; with excludeSelf the neuron itself is skipped
      let m = Math.floor(Math.log(1 - random.uniform()) / logMiss);
      while (m < candidates) {
        if (count === targets.length) targets = grow(targets, postSize, count + 1);
        targets[count++] = excludeSelf && m >= pre ? m + 1 : m;
        m += 1 + Math.floor(Math.log(1 - random.uniform()) / logMiss);
      }
    }
    offsets[pre + 1] = count;
  }
  return { size: preSize, offsets, targets: targets.slice(0, count) };
}

function grow(targets: Uint16Array | Int32Array, postSize: number, needed: number): Uint16Array | Int32Array {
  const grown = targetArray(postSize, Math.max(needed, targets.length * 2));
  grown.set(targets);
  return grown;
}
