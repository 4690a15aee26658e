import { invalidParameter } from '../core/errors.js';
import { SKIP_TABLE_BITS, geometricSkip, geometricSkipTable } from '../kernels/geometricSkips.js';
import type { RandomStream } from '../random/stream.js';
import { xor4096Next, type Xor4096State } from '../random/xor4096Next.js';
import type { Csr } from './csr.js';
import { targetArray } from './targetArray.js';

/**
 * Erdős–Rényi connectivity without autapses: each ordered pair (i → j), i ≠ j, exists with probability p.
 * Drawn row by row with geometric skips between successive targets (Batagelj & Brandes 2005),
 * so the cost is proportional to the number of synapses rather than N². The skips come from a table of slices of
 * [0, 1) and are exactly those of the logarithm (`geometricSkipTable`).
 */
export function erdosRenyi(size: number, probability: number, random: RandomStream): Csr {
  if (!(probability >= 0 && probability <= 1)) throw invalidParameter('p', probability, 'a probability in [0, 1]');
  const offsets = new Int32Array(size + 1);
  const expected = size * (size - 1) * probability;
  let targets = targetArray(size, Math.ceil(expected + 6 * Math.sqrt(expected + 1) + 16));
  let count = 0;
  const candidates = size - 1;
  if (probability === 1) {
    targets = targetArray(size, size * candidates);
    for (let pre = 0; pre < size; pre++) {
      for (let post = 0; post < size; post++) if (post !== pre) targets[count++] = post;
      offsets[pre + 1] = count;
    }
    return { size, offsets, targets };
  }
  if (probability === 0) return { size, offsets, targets: targets.slice(0, 0) };
  return random.borrowState((state) => skipRows(size, probability, state, offsets, targets));
}

/** The rows of `erdosRenyi` for 0 < p < 1, drawing the stream's uniforms as xor4096 words. */
function skipRows(size: number, probability: number, state: Xor4096State, offsets: Int32Array, initialTargets: Uint16Array | Int32Array): Csr {
  let targets = initialTargets;
  let count = 0;
  const candidates = size - 1;
  const logMiss = Math.log1p(-probability);
  const skips = geometricSkipTable(logMiss);
  const slices = 1 << SKIP_TABLE_BITS;
  for (let pre = 0; pre < size; pre++) {
    // position m in [0, N-1) enumerates the candidates j ≠ pre; m = j for j < pre, m = j - 1 above it
    let u = xor4096Next(state) / 4294967296;
    let m = skips[(u * slices) | 0];
    if (m < 0) m = geometricSkip(u, logMiss);
    while (m < candidates) {
      if (count === targets.length) targets = growTargets(targets, size);
      targets[count++] = m < pre ? m : m + 1;
      u = xor4096Next(state) / 4294967296;
      let skip = skips[(u * slices) | 0];
      if (skip < 0) skip = geometricSkip(u, logMiss);
      m += 1 + skip;
    }
    offsets[pre + 1] = count;
  }
  return { size, offsets, targets: targets.slice(0, count) };
}

function growTargets(targets: Uint16Array | Int32Array, size: number): Uint16Array | Int32Array {
  const grown = targetArray(size, targets.length * 2);
  grown.set(targets);
  return grown;
}
