import { describe, it, expect } from 'vitest';
import { divergenceThreshold, phaseResolution } from '../../src/index.js';

describe('divergenceThreshold', () => {
  it('is the geometric midpoint of the decayed initial distance and the unrelated distance', () => {
    const decay = Math.exp(-5);
    const threshold = divergenceThreshold(1e-4, decay, 24, 1e-20);
    expect(threshold).toBeCloseTo(Math.sqrt(1e-4 * decay * 24), 15);
    expect(threshold / (1e-4 * decay)).toBeCloseTo(24 / threshold, 6);
  });

  it('never puts the decayed level below the resolution of the phases, even when the probe decayed to zero', () => {
    const resolution = phaseResolution(10000);
    expect(resolution).toBeCloseTo(2.22e-14, 15);
    expect(divergenceThreshold(1e-4, 0, 24, resolution)).toBe(Math.sqrt(resolution * 24));
    expect(divergenceThreshold(1e-4, Math.exp(-30), 24, resolution)).toBe(Math.sqrt(resolution * 24));
  });

  it('treats a probe that grew as one that stayed put: no growth inside a flux tube', () => {
    expect(divergenceThreshold(1e-3, 5, 24, 1e-14)).toBe(divergenceThreshold(1e-3, 1, 24, 1e-14));
  });

  it('refuses non-positive distances and negative decay factors', () => {
    expect(() => divergenceThreshold(0, 0.1, 1, 1e-14)).toThrow(RangeError);
    expect(() => divergenceThreshold(1, -0.1, 1, 1e-14)).toThrow(RangeError);
  });
});
