import { describe, expect, it } from 'vitest';
import { compileFigure, pathSpec, renderSvg } from '../../src/index.js';
import { loose } from './specParts.js';

describe('pathSpec', () => {
  it('keeps the drawing order and splits pieces at non-finite points', async () => {
    const spec = pathSpec({
      series: [
        { name: 'spiral', x: [1, 0, -1, 0, 1], y: [0, 1, 0, -1, 0] },
        { name: 'arrows', x: [0, 1, NaN, 2, 3, NaN], y: [0, 0, NaN, 1, 1, NaN], dash: true },
        { name: 'points', x: [0.5], y: [0.5], mark: 'point' },
      ],
      labels: [{ x: 0.5, y: 0.5, text: 'fixed point' }, { x: 1, y: 0, text: 'left', side: 'left' }],
      xLabel: 'x',
      yLabel: 'y',
      xDomain: [-2, 4],
      yDomain: [-2, 2],
    });
    const layers = loose(spec).layer!;
    expect(layers.map((l) => l.mark.type)).toEqual(['line', 'line', 'point', 'text', 'text']);
    expect(layers[0].data!.values.map((r) => r.order)).toEqual([0, 1, 2, 3, 4]);
    expect(layers[0].encoding!.order).toEqual({ field: 'order', type: 'quantitative' });
    expect(layers[1].data!.values.map((r) => r.piece)).toEqual([0, 0, 1, 1]);
    expect(layers[1].mark.strokeDash).toEqual([6, 4]);
    expect(layers[0].encoding!.x.scale).toEqual({ domain: [-2, 4], nice: false });
    expect(layers[4].mark.align).toBe('right');
    const { warnings } = await compileFigure(spec);
    expect(warnings).toEqual([]);
    expect(await renderSvg(spec)).toContain('fixed point');
  });

  it('thins long pieces to maxPoints but keeps their ends', () => {
    const n = 10_001;
    const x = Float64Array.from({ length: n }, (_, i) => Math.cos(i / 100));
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 100));
    const rows = loose(pathSpec({ series: [{ name: 'circle', x, y }], xLabel: 'x', yLabel: 'y', maxPoints: 1000 })).layer![0].data!.values;
    expect(rows.length).toBeLessThanOrEqual(1001);
    expect(rows[rows.length - 1]).toMatchObject({ x: x[n - 1], y: y[n - 1] });
  });

  it('rejects empty series, mismatched lengths and empty domains', () => {
    expect(() => pathSpec({ series: [], xLabel: 'x', yLabel: 'y' })).toThrow(/at least one series/);
    expect(() => pathSpec({ series: [{ name: 's', x: [1, 2], y: [1] }], xLabel: 'x', yLabel: 'y' })).toThrow(/as many y as x/);
    expect(() => pathSpec({ series: [{ name: 's', x: [1], y: [1] }], xLabel: 'x', yLabel: 'y', xDomain: [1, 1] })).toThrow(/domain/);
  });
});
