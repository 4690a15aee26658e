import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { countSpikes, ratesFromCounts } from '../../src/index.js';

describe('countSpikes', () => {
  it('counts each neuron index once per spike', () => {
    const counts = countSpikes(Int32Array.of(2, 0, 2, 2), new Float64Array(4));
    expect(Array.from(counts)).toEqual([1, 0, 3, 0]);
  });

  it('accumulates across calls, so counting in pieces equals counting at once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }).chain((size) =>
          fc.tuple(fc.constant(size), fc.array(fc.integer({ min: 0, max: size - 1 }), { maxLength: 200 }), fc.nat()),
        ),
        ([size, neurons, cutSeed]) => {
          const neuron = Int32Array.from(neurons);
          const cut = neurons.length === 0 ? 0 : cutSeed % (neurons.length + 1);
          const whole = countSpikes(neuron, new Float64Array(size));
          const pieces = new Int32Array(size);
          countSpikes(neuron.subarray(0, cut), pieces);
          countSpikes(neuron.subarray(cut), pieces);
          const naive = new Array<number>(size).fill(0);
          for (const n of neurons) naive[n]++;
          expect(Array.from(whole)).toEqual(naive);
          expect(Array.from(pieces)).toEqual(naive);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('ignores indices outside the counts array', () => {
    const counts = countSpikes(Int32Array.of(-1, 0, 5), new Float64Array(2));
    expect(Array.from(counts)).toEqual([1, 0]);
  });
});

describe('ratesFromCounts', () => {
  it('divides counts by the observed duration', () => {
    expect(Array.from(ratesFromCounts(Float64Array.of(0, 5, 20), 2))).toEqual([0, 2.5, 10]);
  });

  it('gives NaN for silent neurons when no time was observed', () => {
    expect(Number.isNaN(ratesFromCounts(Float64Array.of(0), 0)[0])).toBe(true);
  });

  it('rejects an output of the wrong length', () => {
    expect(() => ratesFromCounts(new Float64Array(3), 1, new Float64Array(2))).toThrow(/expected out of length 3, got 2/);
  });
});
