import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDiscreteSamples, discreteTable, sampleDiscrete } from '../../src/index.js';

const noRefine = (): number => {
  throw new Error('refinement not expected');
};

/** Words spread evenly over [0, 2³²): inversion of them reproduces the probabilities to within one word per CDF step. */
function stratifiedWords(count: number): Uint32Array {
  return Uint32Array.from({ length: count }, (_, j) => Math.floor(((j + 0.5) * 2 ** 32) / count));
}

describe('discreteTable', () => {
  it('normalises the weights into a CDF that ends at exactly 1 and records the mean', () => {
    const table = discreteTable(3, Float64Array.of(1, 2, 1));
    expect(Array.from(table.cdf)).toEqual([0.25, 0.75, 1]);
    expect(table.mean).toBeCloseTo(4, 12);
    expect(table.first).toBe(3);
  });

  it('refuses empty, negative or all-zero weights', () => {
    expect(() => discreteTable(0, new Float64Array(0))).toThrow(RangeError);
    expect(() => discreteTable(0, Float64Array.of(1, -1))).toThrow(RangeError);
    expect(() => discreteTable(0, Float64Array.of(0, 0))).toThrow(RangeError);
  });
});

describe('sampleDiscrete', () => {
  it('inverts the CDF: stratified words reproduce each probability to within one word', () => {
    const weights = Float64Array.of(0.1, 0.25, 0.05, 0.4, 0.2);
    const table = discreteTable(0, weights);
    const n = 1 << 16;
    const out = new Int32Array(n);
    sampleDiscrete(table, stratifiedWords(n), out, noRefine);
    const counts = new Array(weights.length).fill(0);
    for (const k of out) counts[k]++;
    counts.forEach((c, k) => expect(Math.abs(c - weights[k] * n)).toBeLessThanOrEqual(1));
  });

  it('returns min{k : F(k) > u} for u = word/2³² for any distribution and word', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (weights, word) => {
        const table = discreteTable(0, Float64Array.from(weights));
        const out = new Int32Array(1);
        sampleDiscrete(table, Uint32Array.of(word), out, () => 0);
        const u = word / 2 ** 32;
        const k = out[0];
        expect(table.cdf[k]).toBeGreaterThan(u);
        if (k > 0) expect(table.cdf[k - 1]).toBeLessThanOrEqual(u + 2 ** -32);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('refines a word whose 2⁻³² interval straddles a CDF step with 21 more bits', () => {
    // P(X = 0) = 2⁻³³ + … puts the first CDF step in the middle of word 0's interval
    const p0 = 2 ** -33;
    const table = discreteTable(0, Float64Array.of(p0, 1 - p0));
    const out = new Int32Array(2);
    let calls = 0;
    sampleDiscrete(table, Uint32Array.of(0), out.subarray(0, 1), () => (calls++, 0));
    sampleDiscrete(table, Uint32Array.of(0), out.subarray(1, 2), () => (calls++, 0xffffffff));
    expect(calls).toBe(2);
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(1);
  });
});

describe('addDiscreteSamples', () => {
  it('adds weight × sample to each target, leaving the others alone', () => {
    const table = discreteTable(2, Float64Array.of(1, 1));
    const target = Float64Array.of(10, 10, 10, 10);
    addDiscreteSamples(table, Uint32Array.of(0, 0xffffffff), target, 1, 2, 0.5, noRefine);
    expect(Array.from(target)).toEqual([10, 11, 11.5, 10]);
  });
});
