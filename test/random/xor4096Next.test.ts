import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RandomStream, xor4096Next } from '../../src/index.js';

describe('xor4096Next through RandomStream.borrowState', () => {
  it('draws exactly the uniforms of the stream, which then continues after the last word drawn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.nat({ max: 3000 }), fc.nat({ max: 50 }), (seed, borrowed, after) => {
        const reference = new RandomStream(seed, 'connectivity');
        const expected = Array.from({ length: borrowed + after }, () => reference.uniform());
        const stream = new RandomStream(seed, 'connectivity');
        const drawn = stream.borrowState((state) => Array.from({ length: borrowed }, () => xor4096Next(state) / 2 ** 32));
        const continued = Array.from({ length: after }, () => stream.uniform());
        expect([...drawn, ...continued]).toEqual(expected);
      }),
      { numRuns: 30, seed: 5 },
    );
  });

  it('returns unsigned 32-bit words', () => {
    const words = new RandomStream(1, 'x').borrowState((state) => Array.from({ length: 10_000 }, () => xor4096Next(state)));
    expect(words.every((word) => Number.isInteger(word) && word >= 0 && word < 2 ** 32)).toBe(true);
    expect(Math.max(...words)).toBeGreaterThan(2 ** 31);
  });
});
