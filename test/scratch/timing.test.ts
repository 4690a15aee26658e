import { it } from 'vitest';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { renderAsync } from '@resvg/resvg-js';
import { FIGURE_CONFIG } from '../../src/figures/theme.js';
import { rasterSpec } from '../../src/index.js';
import { poissonRaster } from '../figures/exampleData.js';
async function time(label: string, spec: any) {
  let s = performance.now();
  const c = compile(spec, { config: FIGURE_CONFIG }).spec;
  const a = performance.now() - s; s = performance.now();
  const view = new vega.View(vega.parse(c), { renderer: 'none' });
  await view.runAsync();
  const b = performance.now() - s; s = performance.now();
  const svg = await view.toSVG();
  const d = performance.now() - s; s = performance.now();
  await renderAsync(svg, { fitTo: { mode: 'width', value: 1200 }, font: { loadSystemFonts: false } });
  const e = performance.now() - s;
  console.log(label, a.toFixed(0), b.toFixed(0), d.toFixed(0), e.toFixed(0), svg.length);
}
it('timing', async () => {
  const small = poissonRaster(1000, 45, 1, 'x'); console.log(small.t.length);
  const spec: any = rasterSpec({ ...small, t0: 0, t1: 1 });
  await time('warm', spec);
  const m0 = spec.layer[0];
  const rounded = { ...spec, layer: [{ ...m0, encoding: { x: { ...m0.encoding.x, scale: { ...m0.encoding.x.scale, round: true } }, y: { ...m0.encoding.y, scale: { ...m0.encoding.y.scale, round: true } } } }] };
  await time('rounded', rounded);await time('rounded', rounded); for (let k = 0; k < 2; k++) {
  await time('symbol', spec);
  const main = spec.layer[0];
  const rows = main.data.values.map((r: any) => ({ ...r, n0: r.n - 0.4, n1: r.n + 0.4 }));
  await time('rule', { ...spec, layer: [{ data: { values: rows }, mark: { type: 'rule', color: '#111', strokeWidth: 1 }, encoding: { x: main.encoding.x, y: { ...main.encoding.y, field: 'n0' }, y2: { field: 'n1' } } }] });
  await time('tick', { ...spec, layer: [{ ...main, mark: { type: 'tick', orient: 'vertical', color: '#111', thickness: 1, size: 3 } }] });
  await time('square', { ...spec, layer: [{ ...main, mark: { type: 'square', color: '#111', size: 3 } }] }); }
});
