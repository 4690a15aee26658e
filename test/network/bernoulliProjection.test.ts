import { describe, it, expect } from 'vitest';
import { RandomStreams, bernoulliProjection } from '../../src/index.js';

describe('bernoulliProjection', () => {
  it('connects every pair with p = 1, except a neuron to itself with excludeSelf', () => {
    const all = bernoulliProjection(4, 3, 1, new RandomStreams(0).stream('c'));
    expect(Array.from(all.targets)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
    const noSelf = bernoulliProjection(3, 3, 1, new RandomStreams(0).stream('c'), { excludeSelf: true });
    expect(Array.from(noSelf.targets)).toEqual([1, 2, 0, 2, 0, 1]);
  });

  it('draws about p · pairs synapses, in increasing order within rows and without autapses', () => {
    const size = 400;
    const p = 0.05;
    const csr = bernoulliProjection(size, size, p, new RandomStreams(7).stream('c'), { excludeSelf: true });
    const expected = size * (size - 1) * p;
    expect(Math.abs(csr.targets.length - expected)).toBeLessThan(4 * Math.sqrt(expected));
    for (let pre = 0; pre < size; pre++) {
      for (let k = csr.offsets[pre]; k < csr.offsets[pre + 1]; k++) {
        expect(csr.targets[k]).not.toBe(pre);
        if (k > csr.offsets[pre]) expect(csr.targets[k]).toBeGreaterThan(csr.targets[k - 1]);
      }
    }
  });

  it('has no synapses with p = 0 and refuses p outside [0, 1]', () => {
    expect(bernoulliProjection(10, 10, 0, new RandomStreams(0).stream('c')).targets.length).toBe(0);
    expect(() => bernoulliProjection(10, 10, 1.5, new RandomStreams(0).stream('c'))).toThrow(/probability/);
  });
});
