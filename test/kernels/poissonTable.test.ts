import { describe, it, expect } from 'vitest';
import { Xoshiro128, poissonTable, sampleDiscrete } from '../../src/index.js';

function tableMoments(mean: number): { mean: number; variance: number } {
  const table = poissonTable(mean);
  let m = 0;
  let m2 = 0;
  let previous = 0;
  for (let k = 0; k < table.cdf.length; k++) {
    const p = table.cdf[k] - previous;
    previous = table.cdf[k];
    const x = table.first + k;
    m += p * x;
    m2 += p * x * x;
  }
  return { mean: m, variance: m2 - m * m };
}

describe('poissonTable', () => {
  it('has mean and variance λ, from tiny to large means', () => {
    for (const lambda of [0.002, 0.5, 2, 30, 1e4]) {
      const { mean, variance } = tableMoments(lambda);
      expect(mean).toBeCloseTo(lambda, 9);
      expect(variance / lambda).toBeCloseTo(1, 8);
    }
  });

  it('matches the closed-form probabilities e^(−λ) λ^k / k!', () => {
    const table = poissonTable(2);
    expect(table.first).toBe(0);
    let factorial = 1;
    for (let k = 0; k < 10; k++) {
      if (k > 0) factorial *= k;
      const p = table.cdf[k] - (k > 0 ? table.cdf[k - 1] : 0);
      expect(p).toBeCloseTo((Math.exp(-2) * 2 ** k) / factorial, 14);
    }
  });

  it('is a point mass at 0 for λ = 0 and refuses negative or infinite means', () => {
    const table = poissonTable(0);
    expect(Array.from(table.cdf)).toEqual([1]);
    expect(() => poissonTable(-1)).toThrow(RangeError);
    expect(() => poissonTable(Infinity)).toThrow(RangeError);
  });

  it('samples with the right mean and variance (Fano factor 1)', () => {
    const random = new Xoshiro128([7, 11, 13, 17]);
    const n = 200_000;
    const words = random.fillUint32(new Uint32Array(n));
    const out = new Float64Array(n);
    sampleDiscrete(poissonTable(3), words, out, () => random.nextUint32());
    let sum = 0;
    let sum2 = 0;
    for (const x of out) {
      sum += x;
      sum2 += x * x;
    }
    const mean = sum / n;
    const variance = sum2 / n - mean * mean;
    expect(Math.abs(mean - 3)).toBeLessThan(4 * Math.sqrt(3 / n));
    expect(variance / mean).toBeGreaterThan(0.98);
    expect(variance / mean).toBeLessThan(1.02);
  });
});
