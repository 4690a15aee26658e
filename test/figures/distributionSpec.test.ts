import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileFigure, distributionSpec } from '../../src/index.js';
import { logNormal } from './exampleData.js';
import { loose, rowCount } from './specParts.js';

describe('distributionSpec', () => {
  it('bars count every finite value and the mean rule sits at the finite mean', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 9, arbitrary: fc.double({ min: -50, max: 50, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(NaN) }), { minLength: 1, maxLength: 300 }),
        (values) => {
          const spec = loose(distributionSpec({ values, xLabel: 'x' }));
          const finite = values.filter(Number.isFinite);
          const bars = spec.layer![0].data!.values;
          expect(bars.reduce((s, b) => s + (b.count as number), 0)).toBe(finite.length);
          if (finite.length > 0) {
            const mean = finite.reduce((s, v) => s + v, 0) / finite.length;
            expect(spec.layer![1].data!.values[0].mean).toBeCloseTo(mean, 9);
          }
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it('names the mean in the legend and reports n in the subtitle', () => {
    const spec = loose(distributionSpec({ values: [1, 2, 3, NaN], xLabel: 'rate (Hz)', title: 'Rates' }));
    expect(spec.layer![1].data!.values[0].label).toBe('mean = 2');
    expect(spec.title).toEqual({ text: 'Rates', subtitle: 'n = 3 (1 non-finite left out)' });
  });

  it('passes only the bins to vega, however many values', async () => {
    const values = logNormal(1_000_000, 1, 0.5, 'many');
    const spec = distributionSpec({ values, xLabel: 'rate (Hz)' });
    expect(rowCount(spec)).toBe(60 + 1);
    expect((await compileFigure(spec)).warnings).toEqual([]);
  });

  it('honours an explicit bin count and range, and can omit the mean', () => {
    const spec = loose(distributionSpec({ values: [0.5, 1.5, 9], bins: 4, min: 0, max: 2, xLabel: 'x', meanLine: false }));
    expect(spec.layer!.length).toBe(1);
    expect(spec.layer![0].data!.values.map((b) => b.count)).toEqual([0, 1, 0, 1]);
  });

  it('builds a figure with no finite values at all', () => {
    const spec = loose(distributionSpec({ values: [NaN], xLabel: 'x' }));
    expect(spec.layer!.length).toBe(1);
    expect(() => distributionSpec({ values: [1], bins: 0, xLabel: 'x' })).toThrow(/bins/);
  });
});
