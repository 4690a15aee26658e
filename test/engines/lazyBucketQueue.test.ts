import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LazyBucketQueue, bucketOf } from '../../src/index.js';

/** The entry with the smallest key, equal keys by the smallest index. */
function bruteMin(keys: Float64Array): number {
  let best = 0;
  for (let i = 1; i < keys.length; i++) if (keys[i] < keys[best]) best = i;
  return best;
}

/** Mostly keys a few buckets (2^−10 relative) apart, so that neighbouring buckets and ties are exercised. */
const fine = (min: number, max: number) => fc.integer({ min, max }).map((k) => 1 + k / 2048);
const anyKey = fc.oneof(fine(-6, 10), fc.integer({ min: -3, max: 0 }), fc.double({ min: -1, max: 1e4, noNaN: true }));
/** Either all keys in a few neighbouring buckets, or keys of any sign and size. */
const initialKeys = fc.oneof(
  fc.array(fine(-6, 10), { minLength: 1, maxLength: 6 }),
  fc.array(fine(-6, 10), { minLength: 1, maxLength: 40 }),
  fc.array(anyKey, { minLength: 1, maxLength: 40 }),
);
const change = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }).map((k) => k / 2048), weight: 4 }, { arbitrary: fc.double({ min: 0, max: 50, noNaN: true }), weight: 1 });

type Command =
  | { kind: 'increase'; entry: number; by: number }
  | { kind: 'decrease'; entry: number; by: number }
  | { kind: 'fire'; growth: number }
  | { kind: 'rescale' };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('increase' as const), entry: fc.nat(), by: change }),
  fc.record({ kind: fc.constant('decrease' as const), entry: fc.nat(), by: change }),
  fc.record({ kind: fc.constant('fire' as const), growth: fc.oneof(fc.integer({ min: 0, max: 4 }).map((k) => 1 + k / 2048), fc.double({ min: 1, max: 4, noNaN: true })) }),
  fc.constant({ kind: 'rescale' as const }),
);

describe('bucketOf', () => {
  it('never decreases as the key grows', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(bucketOf(low)).toBeLessThanOrEqual(bucketOf(high));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe('LazyBucketQueue', () => {
  it('always yields the smallest key (ties by index) under silent increases, announced decreases and rebuilds', () => {
    fc.assert(
      fc.property(initialKeys, fc.array(command, { maxLength: 200 }), (initial, commands) => {
        const keys = Float64Array.from(initial);
        const queue = new LazyBucketQueue(keys);
        expect(queue.min()).toBe(bruteMin(keys));
        for (const c of commands) {
          if (c.kind === 'increase') keys[c.entry % keys.length] += c.by;
          else if (c.kind === 'decrease') {
            keys[c.entry % keys.length] -= c.by;
            queue.decreased(c.entry % keys.length);
          } else if (c.kind === 'fire') {
            const first = queue.min();
            keys[first] = Math.abs(keys[first]) * c.growth + 1 / 2048;
          } else {
            for (let i = 0; i < keys.length; i++) keys[i] *= 2 ** -64;
            queue.rebuild();
          }
          expect(queue.min()).toBe(bruteMin(keys));
        }
      }),
      { seed: 42, numRuns: 600 },
    );
  });

  it('drains a monotone event sequence in key order across many binades', () => {
    const keys = Float64Array.from({ length: 1000 }, (_, i) => 1 + ((i * 7919) % 1000) / 1000);
    const queue = new LazyBucketQueue(keys);
    let previous = -Infinity;
    for (let n = 0; n < 20000; n++) {
      const first = queue.min();
      expect(first).toBe(bruteMin(keys));
      expect(keys[first]).toBeGreaterThanOrEqual(previous);
      previous = keys[first];
      keys[first] *= 2;
    }
    expect(previous).toBeGreaterThan(2 ** 15);
  });

  it('is empty for no entries', () => {
    expect(new LazyBucketQueue(new Float64Array(0)).min()).toBe(-1);
  });
});
