import { it } from 'vitest';
import { compileFigure, rasterSpec, renderSvg } from '../../src/index.js';
import { poissonRaster } from '../figures/exampleData.js';
it('rule', async () => {
  const small = poissonRaster(10, 5, 1, 'x');
  const spec: any = rasterSpec({ ...small, t0: 0, t1: 1 });
  const main = spec.layer[0];
  const rows = main.data.values.map((r: any) => ({ ...r, n0: r.n - 0.4, n1: r.n + 0.4 }));
  const s2 = { ...spec, layer: [{ data: { values: rows }, mark: { type: 'rule', color: '#111', strokeWidth: 1 }, encoding: { x: main.encoding.x, y: { ...main.encoding.y, field: 'n0' }, y2: { field: 'n1' } } }] };
  console.log(compileFigure(s2).warnings);
  const svg = await renderSvg(s2);
  console.log(svg.match(/role-mark[^>]*>.{0,400}/g));
});
