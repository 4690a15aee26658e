import { describe, it, expect } from 'vitest';
import { divergenceThreshold } from '../../src/index.js';

describe('divergenceThreshold', () => {
  it('is the geometric midpoint of the decayed initial distance and the unrelated distance', () => {
    const decay = Math.exp(-20);
    const threshold = divergenceThreshold(1e-4, decay, 24);
    expect(threshold).toBeCloseTo(Math.sqrt(1e-4 * decay * 24), 20);
    expect(threshold / (1e-4 * decay)).toBeCloseTo(24 / threshold, 6);
  });

  it('treats a probe that grew as one that stayed put: no growth inside a flux tube', () => {
    expect(divergenceThreshold(1e-3, 5, 24)).toBe(divergenceThreshold(1e-3, 1, 24));
  });

  it('refuses non-positive distances', () => {
    expect(() => divergenceThreshold(0, 0.1, 1)).toThrow(RangeError);
  });
});
