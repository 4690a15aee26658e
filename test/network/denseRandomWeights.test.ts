import { describe, it, expect } from 'vitest';
import { RandomStreams, denseRandomWeights } from '../../src/index.js';

describe('denseRandomWeights', () => {
  it('fills a pre × post matrix with scale·U(0, 1), negative scales included', () => {
    const weights = denseRandomWeights(30, 20, -1, new RandomStreams(1).stream('weights'));
    expect(weights.length).toBe(600);
    let sum = 0;
    for (const w of weights) {
      expect(w).toBeLessThanOrEqual(0);
      expect(w).toBeGreaterThan(-1);
      sum += w;
    }
    expect(Math.abs(sum / 600 + 0.5)).toBeLessThan(0.05);
  });
});
