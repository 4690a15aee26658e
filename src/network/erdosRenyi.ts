import { invalidParameter } from '../core/errors.js';
import { erdosRenyiRowsInWasm } from '../kernels/erdosRenyiRowsWasm.js';
import { SKIP_TABLE_BITS, geometricSkip, geometricSkipTable } from '../kernels/geometricSkips.js';
import type { RandomStream } from '../random/stream.js';
import { xor4096Next, type Xor4096State } from '../random/xor4096Next.js';
import type { Csr } from './csr.js';
import { narrowTargets, targetArray } from './targetArray.js';

/**
 * Erdős–Rényi connectivity without autapses: each ordered pair (i → j), i ≠ j, exists with probability p.
 * Drawn row by row with geometric skips between successive targets (Batagelj & Brandes 2005),
 * so the cost is proportional to the number of synapses rather than N². The skips come from a table of slices of
 * [0, 1) and are exactly those of the logarithm (`geometricSkipTable`). The rows are drawn in WebAssembly
 * (`wasm: false` selects the JavaScript loop, which gives the identical network).
 */
export function erdosRenyi(size: number, probability: number, random: RandomStream, options: { readonly wasm?: boolean } = {}): Csr {
  if (!(probability >= 0 && probability <= 1)) throw invalidParameter('p', probability, 'a probability in [0, 1]');
  const candidates = size - 1;
  if (probability === 1) {
    const offsets = new Int32Array(size + 1);
    const targets = targetArray(size, size * candidates);
    let count = 0;
    for (let pre = 0; pre < size; pre++) {
      for (let post = 0; post < size; post++) if (post !== pre) targets[count++] = post;
      offsets[pre + 1] = count;
    }
    return { size, offsets, targets, sortedRows: true };
  }
  if (probability === 0) return { size, offsets: new Int32Array(size + 1), targets: targetArray(size, 0), sortedRows: true };
  const mean = size * candidates * probability;
  const capacity = Math.ceil(mean + 6 * Math.sqrt(mean + 1) + 16);
  const logMiss = Math.log1p(-probability);
  const skips = geometricSkipTable(logMiss);
  return random.borrowState((state) => {
    const rows = options.wasm === false ? undefined : erdosRenyiRowsInWasm(size, logMiss, skips, state, narrowTargets(size), capacity);
    return rows ? { size, ...rows, sortedRows: true } : skipRows(size, logMiss, skips, state, targetArray(size, capacity));
  });
}

/** The rows of `erdosRenyi` for 0 < p < 1, drawing the stream's uniforms as xor4096 words. */
function skipRows(size: number, logMiss: number, skips: Int32Array, state: Xor4096State, initialTargets: Uint16Array | Int32Array): Csr {
  const offsets = new Int32Array(size + 1);
  let targets = initialTargets;
  let count = 0;
  const candidates = size - 1;
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
  return { size, offsets, targets: targets.slice(0, count), sortedRows: true };
}

function growTargets(targets: Uint16Array | Int32Array, size: number): Uint16Array | Int32Array {
  const grown = targetArray(size, targets.length * 2);
  grown.set(targets);
  return grown;
}
