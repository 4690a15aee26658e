import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileFigure, heatmapSpec } from '../../src/index.js';
import { loose } from './specParts.js';

describe('heatmapSpec', () => {
  it('tiles the plane: one cell per grid point, edges halfway between centres', () => {
    const spec = loose(heatmapSpec({ x: [0, 1, 3], y: [10, 20], z: [1, 2, 3, 4, 5, 6], xLabel: 'x', yLabel: 'y' }));
    const cells = spec.data!.values;
    expect(cells.length).toBe(6);
    expect(cells.slice(0, 3).map((c) => [c.x0, c.x1])).toEqual([[-0.5, 0.5], [0.5, 2], [2, 4]]);
    expect(cells.map((c) => c.z)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([cells[0].y0, cells[0].y1, cells[3].y1]).toEqual([5, 15, 25]);
    expect(spec.encoding!.color.type).toBe('quantitative');
  });

  it('uses geometric midpoints on log axes', () => {
    const spec = loose(heatmapSpec({ x: [1, 100], y: [1], z: [0, 1], xLabel: 'x', yLabel: 'y', logX: true }));
    const [a, b] = spec.data!.values;
    expect(a.x0).toBeCloseTo(0.1, 12);
    expect(a.x1).toBeCloseTo(10, 12);
    expect(b.x1).toBeCloseTo(1000, 9);
  });

  it('colours categories with a sorted legend, and drops the legend beyond 20 categories', async () => {
    const few = loose(heatmapSpec({ x: [0, 1], y: [0, 1], z: ['SR', 'AI', 'SI fast', 'AI'], xLabel: 'g', yLabel: 'ν' }));
    expect(few.encoding!.color.type).toBe('nominal');
    expect((few.encoding!.color.scale as { domain: string[] }).domain).toEqual(['AI', 'SI fast', 'SR']);
    expect(few.encoding!.color.legend).toEqual({});
    const labels = Float64Array.from({ length: 30 }, (_, i) => 29 - i);
    const many = loose(heatmapSpec({ x: Array.from({ length: 30 }, (_, i) => i), y: [0], z: labels, categorical: true, xLabel: 'x', yLabel: 'y' }));
    expect(many.encoding!.color.legend).toBeNull();
    expect((many.encoding!.color.scale as { domain: number[] }).domain.slice(0, 3)).toEqual([0, 1, 2]);
    expect((await compileFigure(heatmapSpec({ x: [0, 1], y: [0, 1], z: ['a', 'b', 'a', 'b'], xLabel: 'x', yLabel: 'y' }))).warnings).toEqual([]);
  });

  it('leaves non-finite cells blank', () => {
    const spec = loose(heatmapSpec({ x: [0, 1], y: [0], z: [NaN, 2], xLabel: 'x', yLabel: 'y' }));
    expect(spec.data!.values.map((c) => c.z)).toEqual([2]);
  });

  it('subsamples large grids to at most maxCells cells', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 5000 }), (nx, ny, maxCells) => {
        const x = Array.from({ length: nx }, (_, i) => i);
        const y = Array.from({ length: ny }, (_, i) => i);
        const spec = loose(heatmapSpec({ x, y, z: new Float64Array(nx * ny), xLabel: 'x', yLabel: 'y', maxCells }));
        expect(spec.data!.values.length).toBeLessThanOrEqual(Math.max(maxCells, 1));
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('rejects a grid of the wrong size and unordered centres', () => {
    expect(() => heatmapSpec({ x: [0, 1], y: [0, 1], z: [1, 2, 3], xLabel: 'x', yLabel: 'y' })).toThrow(/nx × ny/);
    expect(() => heatmapSpec({ x: [1, 0], y: [0], z: [1, 2], xLabel: 'x', yLabel: 'y' })).toThrow(/increasing/);
    expect(() => heatmapSpec({ x: [0], y: [0], z: ['a'], categorical: false, xLabel: 'x', yLabel: 'y' })).toThrow(/categorical/);
  });
});
