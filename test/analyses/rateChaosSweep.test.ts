import { describe, expect, it } from 'vitest';
import { summariseSize } from '../../analyses/rateChaosSweep.js';

describe('rate-chaos-sweep summary', () => {
  it('interpolates the first upward zero crossing and finds where λ_max stays clearly positive', () => {
    const s = summariseSize(100, [0.5, 1, 1.5, 2, 2.5], [-0.5, -0.02, 0.003, 0.08, 0.15]);
    expect(s.crossing_g).toBeCloseTo(1 + (0.5 * 0.02) / 0.023, 12);
    expect(s.chaotic_from_g).toBe(2);
  });

  it('interpolates the g at which half of the networks are chaotic', () => {
    const s = summariseSize(200, [0.8, 1, 1.2, 1.4], [-0.2, -0.01, 0.02, 0.05], [0, 0.25, 0.75, 1]);
    expect(s.half_chaotic_g).toBeCloseTo(1.1, 12);
    expect(s.chaotic_fraction).toEqual([0, 0.25, 0.75, 1]);
    expect(summariseSize(200, [1, 2], [0.1, 0.2], [0.6, 1]).half_chaotic_g).toBe(1);
    expect(summariseSize(200, [1, 2], [-0.1, 0], [0, 0.25]).half_chaotic_g).toBeNull();
  });

  it('reports null when λ_max never turns positive or ends non-chaotic', () => {
    const s = summariseSize(50, [0.5, 1, 1.5], [-0.5, -0.1, 0.001]);
    expect(s.crossing_g).toBeCloseTo(1.5 - 0.5 * (0.001 / 0.101), 12);
    expect(s.chaotic_from_g).toBeNull();
    expect(summariseSize(50, [0.5, 1], [-0.5, -0.1]).crossing_g).toBeNull();
  });
});
