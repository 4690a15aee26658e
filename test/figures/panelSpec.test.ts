import { describe, it, expect } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { compileFigure, distributionSpec, panelSpec, renderSvg, xySpec } from '../../src/index.js';

const a = distributionSpec({ values: [1, 2, 2, 3], xLabel: 'rate (Hz)' });
const b = xySpec({ series: [{ name: 's', x: [1, 2, 3], y: [3, 1, 2], mark: 'line+point' }], xLabel: 'x', yLabel: 'y' });
const c = { ...xySpec({ series: [{ name: 't', x: [1, 2], y: [1, 2], mark: 'line' }], xLabel: 'x', yLabel: 'y' }), config: { axis: { grid: false } } } as TopLevelSpec;

type Composite = Record<string, unknown> & { columns?: number };

describe('panelSpec', () => {
  it('places panels side by side, stacked, or wrapped by the column count', () => {
    expect(Object.keys(panelSpec([a, b, c], { columns: 3 }))).toContain('hconcat');
    expect(Object.keys(panelSpec([a, b, c], { columns: 1 }))).toContain('vconcat');
    const wrapped = panelSpec([a, b, c], { columns: 2 }) as unknown as Composite;
    expect(wrapped.columns).toBe(2);
    expect((wrapped.concat as unknown[]).length).toBe(3);
  });

  it('lifts top-level properties off the panels and keeps their configs', async () => {
    const spec = panelSpec([a, c], { columns: 2, title: 'Both', panelWidth: 250 }) as unknown as Composite;
    const panels = spec.hconcat as Record<string, unknown>[];
    for (const panel of panels) {
      expect(panel.$schema).toBeUndefined();
      expect(panel.config).toBeUndefined();
      expect(panel.width).toBe(250);
    }
    expect(spec.config).toEqual({ axis: { grid: false } });
    expect((await compileFigure(spec as unknown as TopLevelSpec)).warnings).toEqual([]);
  });

  it('renders the composed figure wider than any one panel', async () => {
    const single = await renderSvg(a);
    const both = await renderSvg(panelSpec([a, b], { columns: 2 }));
    const width = (svg: string) => Number(/width="([\d.]+)"/.exec(svg)![1]);
    expect(width(both)).toBeGreaterThan(1.8 * width(single));
  });

  it('rejects an empty panel list and a bad column count', () => {
    expect(() => panelSpec([], { columns: 1 })).toThrow(/panel/);
    expect(() => panelSpec([a], { columns: 0 })).toThrow(/columns/);
  });
});
