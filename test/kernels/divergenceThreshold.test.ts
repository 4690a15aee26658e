import { describe, it, expect } from 'vitest';
import { divergenceThreshold } from '../../src/index.js';

describe('divergenceThreshold', () => {
  it('is the geometric midpoint of the leak-decayed initial distance and the unrelated distance', () => {
    const threshold = divergenceThreshold(1e-4, 0.2, 0.01, 24);
    const decayed = 1e-4 * Math.exp(-20);
    expect(threshold).toBeCloseTo(Math.sqrt(decayed * 24), 20);
    expect(threshold / decayed).toBeCloseTo(24 / threshold, 6);
  });

  it('refuses non-positive distances', () => {
    expect(() => divergenceThreshold(0, 0.2, 0.01, 1)).toThrow(RangeError);
  });
});
