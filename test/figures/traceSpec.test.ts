import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileFigure, traceSpec } from '../../src/index.js';
import { lifTrace } from './exampleData.js';
import { loose, rowCount } from './specParts.js';

describe('traceSpec', () => {
  it('decimates long series to the budget while keeping each series extremes', async () => {
    const { t, v } = lifTrace(200_000, 1e-4, 'long');
    const w = v.map((x) => -x);
    const spec = traceSpec({ t, series: [{ name: 'V', values: v }, { name: '-V', values: w }], xLabel: 'time (s)', yLabel: 'mV' });
    const rows = loose(spec).layer![0].data!.values;
    expect(rows.length).toBeLessThanOrEqual(4000);
    const of = (name: string) => rows.filter((r) => r.series === name).map((r) => r.y as number);
    const max = (a: ArrayLike<number>) => Array.from(a).reduce((m, x) => Math.max(m, x), -Infinity);
    const min = (a: ArrayLike<number>) => Array.from(a).reduce((m, x) => Math.min(m, x), Infinity);
    expect(max(of('V'))).toBe(max(v));
    expect(min(of('V'))).toBe(min(v));
    expect(max(of('-V'))).toBe(max(w));
    expect((await compileFigure(spec)).warnings).toEqual([]);
  });

  it('stays within maxPoints line rows plus maxPoints marks whatever the input size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 4, max: 300 }), (n, spikes, maxPoints) => {
        const t = Float64Array.from({ length: n }, (_, i) => i);
        const values = t.map(Math.sin);
        const spec = traceSpec({
          t,
          series: [{ name: 'a', values }, { name: 'b', values }],
          marks: [{ t: Float64Array.from({ length: spikes }, (_, i) => i), y: 1, label: 'spike' }],
          xLabel: 'x',
          yLabel: 'y',
          maxPoints,
        });
        expect(rowCount(spec)).toBeLessThanOrEqual(2 * maxPoints);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('draws reference lines with their labels and spike marks at the given level', () => {
    const t = [0, 1, 2, 3];
    const spec = loose(
      traceSpec({
        t,
        series: [{ name: 'V', values: [-65, -55, -50, -65] }],
        hlines: [{ y: -50, label: 'threshold' }, { y: -65, label: 'reset', dash: false }],
        marks: [{ t: [2], y: -50, label: 'spike' }],
        xLabel: 'time (ms)',
        yLabel: 'V (mV)',
      }),
    );
    expect(spec.layer![1].data!.values).toEqual([{ t: 2, y: -50, label: 'spike' }]);
    const threshold = spec.layer![2];
    expect(threshold.data!.values).toEqual([{ y: -50, label: 'threshold' }]);
    expect(threshold.layer!.map((l) => l.mark.type)).toEqual(['rule', 'text']);
    expect(threshold.layer![0].mark.strokeDash).toEqual([5, 4]);
    expect(spec.layer![3].layer![0].mark.strokeDash).toEqual([]);
    // Series and marks share one legend with a line sample for V and a dot for spikes.
    const legend = spec.layer![0].encoding!.color.legend as { encoding: { symbols: { shape: unknown } } };
    expect(JSON.stringify(legend.encoding.symbols.shape)).toContain('"stroke"');
  });

  it('leaves out non-positive values on a log axis', () => {
    const spec = loose(traceSpec({ t: [0, 1, 2], series: [{ name: 'r', values: [0, 5, -1] }], xLabel: 't', yLabel: 'rate', logY: true }));
    expect(spec.layer![0].data!.values).toEqual([{ t: 1, y: 5, series: 'r' }]);
    expect(spec.layer![0].encoding!.y.scale).toEqual({ type: 'log' });
  });

  it('rejects a series whose length differs from the times', () => {
    expect(() => traceSpec({ t: [0, 1], series: [{ name: 'V', values: [1] }], xLabel: 't', yLabel: 'V' })).toThrow(/series "V"/);
    expect(() => traceSpec({ t: [0], series: [], xLabel: 't', yLabel: 'V' })).toThrow(/series/);
  });
});
