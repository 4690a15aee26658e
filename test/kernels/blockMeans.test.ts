import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { blockMeans } from '../../src/index.js';

describe('blockMeans', () => {
  it('averages whole and partial blocks', () => {
    // 3 × 4 matrix in 2 × 3 blocks: the last block row has one row, the last block column one column
    const values = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    expect(Array.from(blockMeans(values, 3, 4, 2, 3))).toEqual([(1 + 2 + 3 + 5 + 6 + 7) / 6, (4 + 8) / 2, (9 + 10 + 11) / 3, 12]);
  });

  it('keeps the overall mean when blocks tile the matrix, and is the identity for 1 × 1 blocks', () => {
    fc.assert(
      fc.property(
        fc.record({ rowBlocks: fc.integer({ min: 1, max: 6 }), columnBlocks: fc.integer({ min: 1, max: 6 }), rowBlock: fc.integer({ min: 1, max: 5 }), columnBlock: fc.integer({ min: 1, max: 5 }) }),
        fc.integer({ min: 0, max: 1000 }),
        ({ rowBlocks, columnBlocks, rowBlock, columnBlock }, seed) => {
          const rows = rowBlocks * rowBlock;
          const columns = columnBlocks * columnBlock;
          const values = Float64Array.from({ length: rows * columns }, (_, k) => Math.sin(seed + k * 1.7));
          const means = blockMeans(values, rows, columns, rowBlock, columnBlock);
          expect(means.length).toBe(rowBlocks * columnBlocks);
          const overall = values.reduce((a, b) => a + b, 0) / values.length;
          expect(means.reduce((a, b) => a + b, 0) / means.length).toBeCloseTo(overall, 12);
          expect(Array.from(blockMeans(values, rows, columns, 1, 1))).toEqual(Array.from(values));
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it('rejects a shape that does not match the values', () => {
    expect(() => blockMeans(new Float64Array(5), 2, 3, 1, 1)).toThrow(/2 × 3 values, got 5/);
    expect(() => blockMeans(new Float64Array(6), 2, 3, 0, 1)).toThrow(RangeError);
  });
});
