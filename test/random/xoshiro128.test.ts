import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RandomStreams, Xoshiro128 } from '../../src/index.js';

describe('Xoshiro128', () => {
  it('produces the xoshiro128** reference sequence for the state (1, 2, 3, 4)', () => {
    const random = new Xoshiro128([1, 2, 3, 4]);
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it('fills arrays with exactly the words nextUint32 would return', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 1, max: 50 }), (seed, n) => {
        const words = seed as [number, number, number, number];
        const one = new Xoshiro128(words);
        const block = new Xoshiro128(words).fillUint32(new Uint32Array(n));
        for (let k = 0; k < n; k++) expect(block[k]).toBe(one.nextUint32());
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('draws uniforms in [0, 1) with mean 1/2 and normals with mean 0 and variance 1', () => {
    const random = Xoshiro128.fromStream(new RandomStreams(3).stream('noise'));
    const n = 100_000;
    let u = 0;
    let z = 0;
    let z2 = 0;
    let low = Infinity;
    let high = -Infinity;
    for (let k = 0; k < n; k++) {
      const x = random.uniform53();
      low = Math.min(low, x);
      high = Math.max(high, x);
      u += x;
      const y = random.normal();
      z += y;
      z2 += y * y;
    }
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThan(1);
    expect(Math.abs(u / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(z / n)).toBeLessThan(0.015);
    expect(Math.abs(z2 / n - 1)).toBeLessThan(0.02);
  });

  it('continues identically from a saved state, spare normal included', () => {
    const random = new Xoshiro128([5, 6, 7, 8]);
    random.normal();
    const saved = random.saveState();
    const expected = [random.normal(), random.normal(), random.nextUint32()];
    const restored = Xoshiro128.fromState(saved);
    expect([restored.normal(), restored.normal(), restored.nextUint32()]).toEqual(expected);
  });

  it('is seeded reproducibly from a named stream, and differently for different names', () => {
    const a = Xoshiro128.fromStream(new RandomStreams(1).stream('external')).nextUint32();
    const b = Xoshiro128.fromStream(new RandomStreams(1).stream('external')).nextUint32();
    const c = Xoshiro128.fromStream(new RandomStreams(1).stream('noise')).nextUint32();
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});
