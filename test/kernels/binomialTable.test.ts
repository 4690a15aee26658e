import { describe, it, expect } from 'vitest';
import { binomialTable } from '../../src/index.js';

function probabilities(trials: number, p: number): Map<number, number> {
  const table = binomialTable(trials, p);
  const result = new Map<number, number>();
  let previous = 0;
  for (let k = 0; k < table.cdf.length; k++) {
    result.set(table.first + k, table.cdf[k] - previous);
    previous = table.cdf[k];
  }
  return result;
}

describe('binomialTable', () => {
  it('matches C(n, k) p^k (1 − p)^(n − k)', () => {
    const p = 0.3;
    const probs = probabilities(10, p);
    let choose = 1;
    for (let k = 0; k <= 10; k++) {
      if (k > 0) choose = (choose * (10 - k + 1)) / k;
      expect(probs.get(k) ?? 0).toBeCloseTo(choose * p ** k * (1 - p) ** (10 - k), 14);
    }
  });

  it('has mean np and variance np(1 − p) for the external input of Brunel (n = 1000, p = 0.002) and larger n', () => {
    for (const [n, p] of [
      [1000, 0.002],
      [100000, 0.3],
    ] as const) {
      let mean = 0;
      let m2 = 0;
      for (const [k, q] of probabilities(n, p)) {
        mean += k * q;
        m2 += k * k * q;
      }
      expect(mean).toBeCloseTo(n * p, 8);
      expect((m2 - mean * mean) / (n * p * (1 - p))).toBeCloseTo(1, 7);
    }
  });

  it('is a point mass when p = 0, p = 1 or n = 0, and refuses invalid parameters', () => {
    expect(binomialTable(5, 0).first).toBe(0);
    expect(binomialTable(5, 1).first).toBe(5);
    expect(Array.from(binomialTable(0, 0.5).cdf)).toEqual([1]);
    expect(() => binomialTable(2.5, 0.5)).toThrow(RangeError);
    expect(() => binomialTable(5, 1.5)).toThrow(RangeError);
  });
});
