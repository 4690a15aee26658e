import { describe, it, expect } from 'vitest';
import { compileFigure, xySpec } from '../../src/index.js';
import { loose } from './specParts.js';

describe('xySpec', () => {
  it('draws each series with its marks and a shared colour legend', async () => {
    const spec = xySpec({
      series: [
        { name: 'measured', x: [1e-8, 1e-6, 1e-4], y: [0.1, 0.5, 0.9], mark: 'point' },
        { name: 'fit', x: [1e-8, 1e-4], y: [0.05, 0.95], mark: 'line', dash: true },
        { name: 'both', x: [1e-7, 1e-5], y: [0.2, 0.8], mark: 'line+point' },
      ],
      xLabel: 'ε',
      yLabel: 'P',
      logX: true,
    });
    const layers = loose(spec).layer!;
    expect(layers.map((l) => l.mark.type)).toEqual(['point', 'line', 'line', 'point']);
    expect(layers[1].mark.strokeDash).toEqual([6, 4]);
    expect(layers.map((l) => l.encoding!.color.datum)).toEqual(['measured', 'fit', 'both', 'both']);
    expect(layers[0].encoding!.x.scale).toEqual({ type: 'log', nice: false });
    // Values below 1e-3 on a log axis are labelled in exponent notation.
    expect(layers[0].encoding!.x.axis).toEqual({ format: '~e' });
    expect((await compileFigure(spec)).warnings).toEqual([]);
  });

  it('leaves out non-finite points and non-positive points on log axes', () => {
    const spec = xySpec({
      series: [{ name: 's', x: [-1, 0, 1, 2, NaN], y: [1, 1, 0, 4, 1], mark: 'point' }],
      xLabel: 'x',
      yLabel: 'y',
      logX: true,
      logY: true,
    });
    expect(loose(spec).layer![0].data!.values).toEqual([{ x: 2, y: 4 }]);
  });

  it('bounds each series to maxPoints, keeping the extremes of lines', () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => (i === 777 ? 100 : Math.sin(i / 100)));
    const spec = loose(
      xySpec({ series: [{ name: 'line', x, y, mark: 'line' }, { name: 'cloud', x, y, mark: 'point' }], xLabel: 'x', yLabel: 'y', maxPoints: 500 }),
    );
    const line = spec.layer![0].data!.values;
    const cloud = spec.layer![1].data!.values;
    expect(line.length).toBeLessThanOrEqual(500);
    expect(cloud.length).toBe(500);
    expect(Math.max(...line.map((r) => r.y as number))).toBe(100);
  });

  it('rejects series with unequal x and y', () => {
    expect(() => xySpec({ series: [{ name: 's', x: [1, 2], y: [1], mark: 'line' }], xLabel: 'x', yLabel: 'y' })).toThrow(/series "s"/);
  });
});
