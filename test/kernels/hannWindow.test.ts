import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hannWindow } from '../../src/index.js';

describe('hannWindow', () => {
  it('is the periodic Hann window: zero at 0, one at n/2, symmetric, summing to n/2', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2000 }), (n) => {
        const w = hannWindow(n);
        expect(w[0]).toBe(0);
        if (n % 2 === 0) expect(w[n / 2]).toBeCloseTo(1, 14);
        let asymmetry = 0;
        for (let k = 1; k < n; k++) asymmetry = Math.max(asymmetry, Math.abs(w[k] - w[n - k]));
        expect(asymmetry).toBeLessThan(1e-14);
        expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(n / 2, 9);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('sums to a constant when shifted by half its length (constant overlap-add)', () => {
    const n = 64;
    const w = hannWindow(n);
    for (let k = 0; k < n / 2; k++) expect(w[k] + w[k + n / 2]).toBeCloseTo(1, 14);
  });

  it('is [1] for length 1 and rejects other lengths', () => {
    expect(Array.from(hannWindow(1))).toEqual([1]);
    expect(() => hannWindow(0)).toThrow(RangeError);
    expect(() => hannWindow(2.5)).toThrow(RangeError);
  });
});
