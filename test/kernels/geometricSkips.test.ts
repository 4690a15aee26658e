import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SKIP_TABLE_BITS, geometricSkip, geometricSkipTable } from '../../src/index.js';

const slices = 1 << SKIP_TABLE_BITS;

describe('geometricSkipTable', () => {
  it('gives exactly the logarithm’s skip wherever it has an entry, for 32-bit and 53-bit uniforms', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.9, noNaN: true }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 200 }), fc.array(fc.nat({ max: 2 ** 32 - 1 }), { maxLength: 200 }), (p, doubles, words) => {
        const logMiss = Math.log1p(-p);
        const table = geometricSkipTable(logMiss);
        // + 0: the skip at u = 0 is −0 (log 1 / log(1 − p)), the same number as the table's 0
        for (const u of [...doubles, ...words.map((w) => w / 2 ** 32)]) {
          const entry = table[(u * slices) | 0];
          if (entry >= 0) expect(entry).toBe(geometricSkip(u, logMiss) + 0);
        }
      }),
      { numRuns: 40, seed: 3 },
    );
  });

  it('is exact at both edges of every slice and leaves only about one slice per distinct skip to the logarithm', () => {
    const logMiss = Math.log1p(-0.1);
    const table = geometricSkipTable(logMiss);
    let fallbacks = 0;
    for (let s = 0; s < slices; s++) {
      if (table[s] < 0) {
        fallbacks++;
        continue;
      }
      expect(geometricSkip(s / slices, logMiss) + 0).toBe(table[s]);
      expect(geometricSkip((s + 1) / slices - 2 ** -32, logMiss) + 0).toBe(table[s]);
    }
    // skips range over 0 … log(2⁻¹⁶)/log(0.9) ≈ 105 across the slices
    expect(fallbacks).toBeGreaterThan(50);
    expect(fallbacks).toBeLessThan(200);
  });

  it('leaves skips beyond 2³⁰ to the logarithm', () => {
    const table = geometricSkipTable(Math.log1p(-1e-12));
    expect(table.every((entry) => entry === -1 || entry <= 2 ** 30)).toBe(true);
    expect(table[slices - 1]).toBe(-1);
  });
});
