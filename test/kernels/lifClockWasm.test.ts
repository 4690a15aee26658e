import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantiateLifClock } from '../../src/index.js';

const memory = new WebAssembly.Memory({ initial: 2, maximum: 2, shared: true });
const kernel = instantiateLifClock(memory);

describe('lifClock kernel: update', () => {
  it('computes V + rate·(drive − V) bit for bit like the scalar expression and lists the crossings in increasing order, for any length and offset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1.2, noNaN: true }), { maxLength: 67 }),
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (initial, skip, rate, base) => {
          const drive = 1.1;
          const threshold = 1;
          // potentials start at a 16-byte boundary plus `skip` doubles, so unaligned starts are covered too
          const v = 64 + 8 * skip;
          const list = 4096;
          new Float64Array(memory.buffer, v, initial.length).set(initial);
          const count = kernel.update(v, initial.length, rate, drive, threshold, list, base);
          const expected = initial.map((x) => x + rate * (drive - x));
          const crossings = expected.flatMap((x, i) => (x >= threshold ? [base + i] : []));
          expect(Array.from(new Float64Array(memory.buffer, v, initial.length))).toEqual(expected);
          expect(count).toBe(crossings.length);
          expect(Array.from(new Int32Array(memory.buffer, list, count))).toEqual(crossings);
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });
});
