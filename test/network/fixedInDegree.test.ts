import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RandomStream, fixedInDegree, SpikeflowError } from '../../src/index.js';

describe('fixedInDegree', () => {
  it('gives every neuron exactly K distinct inputs and no autapse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 0, max: 1000 }), (size, seed) => {
        const inDegree = seed % size;
        const csr = fixedInDegree(size, inDegree, new RandomStream(seed, 'connectivity'));
        const seen = new Set<string>();
        const received = new Int32Array(size);
        for (let pre = 0; pre < size; pre++) {
          for (let k = csr.offsets[pre]; k < csr.offsets[pre + 1]; k++) {
            const post = csr.targets[k];
            expect(post).not.toBe(pre);
            const key = `${pre}>${post}`;
            expect(seen.has(key)).toBe(false);
            seen.add(key);
            received[post]++;
          }
        }
        expect(Array.from(received).every((d) => d === inDegree)).toBe(true);
      }),
      { seed: 3, numRuns: 60 },
    );
  });

  it('rejects K ≥ N with an error naming K', () => {
    expect(() => fixedInDegree(10, 10, new RandomStream(0, 'c'))).toThrow(SpikeflowError);
    expect(() => fixedInDegree(10, 10, new RandomStream(0, 'c'))).toThrow(/^K:/);
  });
});
