import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  compileFigure,
  distributionSpec,
  heatmapSpec,
  panelSpec,
  rasterSpec,
  renderFigure,
  traceSpec,
  xySpec,
} from '../../src/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { lifTrace, logNormal, poissonRaster } from './exampleData.js';

// Set SPIKEFLOW_FIGURE_DIR to keep the gallery for a visual check (e.g. /tmp/figs).
const outDir = process.env.SPIKEFLOW_FIGURE_DIR ?? mkdtempSync(join(tmpdir(), 'spikeflow-gallery-'));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function examples(): Record<string, TopLevelSpec> {
  const raster = poissonRaster(1000, 8, 1, 'raster');
  const big = poissonRaster(2000, 50, 10, 'big');
  const lif = lifTrace(10_000, 1e-4, 'lif');
  const rates = logNormal(2000, Math.log(5), 0.6, 'rates');
  const eps = [1e-8, 3e-8, 1e-7, 3e-7, 1e-6, 3e-6, 1e-5, 3e-5, 1e-4];
  const fitX = Array.from({ length: 200 }, (_, i) => 10 ** (-8.2 + (4.4 * i) / 199));
  const logistic = (e: number) => 1 / (1 + Math.exp(-2.2 * (Math.log10(e) + 6)));
  const measured = eps.map((e, i) => Math.min(1, Math.max(0, logistic(e) + 0.04 * Math.sin(7 * i))));
  const fluxX = Array.from({ length: 120 }, (_, i) => -1 + (2 * i) / 119);
  const labels = new Float64Array(120 * 120);
  for (let iy = 0; iy < 120; iy++) {
    for (let ix = 0; ix < 120; ix++) {
      const a = Math.atan2(fluxX[iy], fluxX[ix]) + 1.5 * Math.hypot(fluxX[ix], fluxX[iy]);
      labels[iy * 120 + ix] = Math.floor(((a + 10 * Math.PI) / (2 * Math.PI)) * 7) % 7;
    }
  }
  const g = Array.from({ length: 16 }, (_, i) => i * 0.5);
  const nu = Array.from({ length: 12 }, (_, i) => 0.5 + i * 0.35);
  const states: string[] = [];
  const rate = new Float64Array(16 * 12);
  for (let iy = 0; iy < 12; iy++) {
    for (let ix = 0; ix < 16; ix++) {
      states.push(g[ix] < 4 ? 'SR' : nu[iy] < 1.5 ? 'SI slow' : nu[iy] > 3 && g[ix] > 5 ? 'SI fast' : 'AI');
      rate[iy * 16 + ix] = g[ix] < 4 ? 200 + 30 * nu[iy] : 5 + 10 * nu[iy] / (g[ix] - 3);
    }
  }
  const xy = xySpec({
    series: [
      { name: 'measured', x: eps, y: measured, mark: 'point' },
      { name: 'logistic fit', x: fitX, y: fitX.map(logistic), mark: 'line', dash: true },
    ],
    xLabel: 'perturbation ε',
    yLabel: 'P(divergence)',
    logX: true,
    title: 'Divergence probability',
  });
  const trace = traceSpec({
    t: Array.from(lif.t, (s) => s * 1000),
    series: [{ name: 'V', values: lif.v }],
    hlines: [
      { y: -50, label: 'threshold' },
      { y: -65, label: 'reset' },
    ],
    marks: [{ t: Array.from(lif.spikes, (s) => s * 1000), y: -50, label: 'spike' }],
    xLabel: 'time (ms)',
    yLabel: 'membrane potential (mV)',
    title: 'LIF neuron',
  });
  const distribution = distributionSpec({ values: rates, xLabel: 'firing rate (Hz)', title: 'Firing rates' });
  return {
    raster: rasterSpec({ ...raster, t0: 0, t1: 1, dividers: [800], title: 'Balanced network, 1000 neurons' }),
    'raster-binned': rasterSpec({ ...big, t0: 0, t1: 10, neurons: 2000, dividers: [1600], title: 'Balanced network, 10 s' }),
    trace,
    'trace-multi': traceSpec({
      t: Array.from({ length: 5000 }, (_, i) => i * 2e-3),
      series: [
        { name: 'excitatory', values: Array.from({ length: 5000 }, (_, i) => 8 + 3 * Math.sin(i / 40) + (i % 997 === 0 ? 30 : 0)) },
        { name: 'inhibitory', values: Array.from({ length: 5000 }, (_, i) => 20 + 5 * Math.cos(i / 55)) },
      ],
      xLabel: 'time (s)',
      yLabel: 'population rate (Hz)',
      logY: true,
      title: 'Population rates',
    }),
    distribution,
    xy,
    'heatmap-labels': heatmapSpec({ x: fluxX, y: fluxX, z: labels, categorical: true, xLabel: 'x₁', yLabel: 'x₂', zLabel: 'tube', title: 'Flux-tube labels' }),
    'heatmap-states': heatmapSpec({ x: g, y: nu, z: states, xLabel: 'relative inhibition g', yLabel: 'ν_ext / ν_thr', zLabel: 'state', title: 'Brunel phase diagram' }),
    'heatmap-rate': heatmapSpec({ x: g, y: nu, z: rate, xLabel: 'relative inhibition g', yLabel: 'ν_ext / ν_thr', zLabel: 'rate (Hz)', title: 'Mean rate' }),
    panel: panelSpec([trace, distribution, xy], { columns: 3, title: 'Overview', panelWidth: 320, panelHeight: 220 }),
  };
}

describe('figure gallery', () => {
  const specs = examples();
  for (const [name, spec] of Object.entries(specs)) {
    it(`${name} compiles without warnings and renders a PNG`, async () => {
      expect((await compileFigure(spec)).warnings).toEqual([]);
      const path = join(outDir, `${name}.png`);
      await renderFigure(spec, path);
      const png = readFileSync(path);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(statSync(path).size).toBeGreaterThan(5000);
    });
  }
});
