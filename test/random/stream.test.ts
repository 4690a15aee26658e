import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RandomStream, RandomStreams } from '../../src/index.js';

describe('RandomStream', () => {
  it('repeats the same sequence for the same seed and name', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.string({ minLength: 1, maxLength: 12 }), (seed, name) => {
        const a = new RandomStream(seed, name);
        const b = new RandomStream(seed, name);
        for (let i = 0; i < 20; i++) expect(a.uniform()).toBe(b.uniform());
      }),
      { seed: 1, numRuns: 50 },
    );
  });

  it('gives different sequences for different names of one seed', () => {
    const a = new RandomStream(7, 'connectivity');
    const b = new RandomStream(7, 'init');
    const same = Array.from({ length: 100 }, () => a.uniform() === b.uniform()).filter(Boolean).length;
    expect(same).toBe(0);
  });

  it('keeps each named stream unchanged when other streams are drawn from', () => {
    const alone = new RandomStreams(3).stream('noise');
    const expected = Array.from({ length: 50 }, () => alone.normal());
    const shared = new RandomStreams(3);
    shared.stream('monitors').fillUniform(new Float64Array(1000));
    const noise = shared.stream('noise');
    shared.stream('perturbation/4').fillNormal(new Float64Array(77));
    expect(Array.from({ length: 50 }, () => noise.normal())).toEqual(expected);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const values = new RandomStream(11, 'u').fillUniform(new Float64Array(200000));
    let sum = 0;
    let sumSq = 0;
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / values.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sumSq / values.length - mean * mean).toBeCloseTo(1 / 12, 3);
  });

  it('draws standard normals with the first four moments of N(0, 1)', () => {
    const values = new RandomStream(5, 'normal').fillNormal(new Float64Array(400000));
    let m1 = 0, m2 = 0, m3 = 0, m4 = 0;
    for (const v of values) {
      m1 += v;
      m2 += v * v;
      m3 += v * v * v;
      m4 += v * v * v * v;
    }
    const n = values.length;
    expect(m1 / n).toBeCloseTo(0, 2);
    expect(m2 / n).toBeCloseTo(1, 1);
    expect(Math.abs(m3 / n)).toBeLessThan(0.03);
    expect(m4 / n).toBeCloseTo(3, 0);
  });

  it('restores a saved state mid-sequence, including the spare normal', () => {
    const streams = new RandomStreams(9);
    const stream = streams.stream('noise');
    stream.normal();
    stream.uniform();
    stream.normal();
    const saved = streams.saveState();
    const expected = [stream.normal(), stream.normal(), stream.uniform()];
    const restored = new RandomStreams(9, JSON.parse(JSON.stringify(saved))).stream('noise');
    expect([restored.normal(), restored.normal(), restored.uniform()]).toEqual(expected);
  });
});
