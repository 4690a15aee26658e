import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RandomStreams, fixedInDegreeProjection, type Csr } from '../../src/index.js';

function inputsOf(csr: Csr, postSize: number): number[][] {
  const inputs: number[][] = Array.from({ length: postSize }, () => []);
  for (let pre = 0; pre < csr.size; pre++) {
    for (let k = csr.offsets[pre]; k < csr.offsets[pre + 1]; k++) inputs[csr.targets[k]].push(pre);
  }
  return inputs;
}

describe('fixedInDegreeProjection', () => {
  it('gives every postsynaptic neuron exactly K distinct presynaptic partners, never itself with excludeSelf', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.boolean(), fc.integer({ min: 0, max: 1000 }), (preSize, postSizeRaw, excludeSelf, seed) => {
        const postSize = excludeSelf ? preSize : postSizeRaw;
        const k = Math.floor((preSize - (excludeSelf ? 1 : 0)) / 2);
        const csr = fixedInDegreeProjection(preSize, postSize, k, new RandomStreams(seed).stream('connectivity'), { excludeSelf });
        expect(csr.size).toBe(preSize);
        inputsOf(csr, postSize).forEach((inputs, post) => {
          expect(inputs.length).toBe(k);
          expect(new Set(inputs).size).toBe(k);
          if (excludeSelf) expect(inputs).not.toContain(post);
        });
        for (let pre = 0; pre < preSize; pre++) {
          for (let j = csr.offsets[pre] + 1; j < csr.offsets[pre + 1]; j++) expect(csr.targets[j]).toBeGreaterThan(csr.targets[j - 1]);
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('is reproducible from the stream and refuses an in-degree larger than the candidates', () => {
    const a = fixedInDegreeProjection(50, 20, 10, new RandomStreams(3).stream('c'));
    const b = fixedInDegreeProjection(50, 20, 10, new RandomStreams(3).stream('c'));
    expect(Array.from(a.targets)).toEqual(Array.from(b.targets));
    expect(() => fixedInDegreeProjection(10, 10, 10, new RandomStreams(3).stream('c'), { excludeSelf: true })).toThrow(/in-degree/);
    expect(() => fixedInDegreeProjection(10, 12, 3, new RandomStreams(3).stream('c'), { excludeSelf: true })).toThrow(/excludeSelf/);
  });
});
