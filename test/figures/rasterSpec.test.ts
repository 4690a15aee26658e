import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileFigure, rasterSpec, renderSvg } from '../../src/index.js';
import { poissonRaster } from './exampleData.js';
import { loose, rowCount } from './specParts.js';

describe('rasterSpec', () => {
  it('draws one tick per spike in the window while at most maxPoints spikes', () => {
    const neuron = Int32Array.from([0, 1, 2, 1, 0]);
    const t = Float64Array.from([0.1, 0.2, 0.3, 1.5, -0.1]);
    const spec = loose(rasterSpec({ neuron, t, t0: 0, t1: 1, neurons: 3 }));
    const main = spec.layer![0];
    expect(main.mark.type).toBe('point');
    expect(main.data!.values).toEqual([
      { t: 100, n: 0 },
      { t: 200, n: 1 },
      { t: 300, n: 2 },
    ]);
  });

  it('switches to a binned rate heatmap above maxPoints', () => {
    const { neuron, t } = poissonRaster(100, 20, 1, 'switch');
    const below = loose(rasterSpec({ neuron, t, t0: 0, t1: 1, maxPoints: t.length }));
    const above = loose(rasterSpec({ neuron, t, t0: 0, t1: 1, maxPoints: t.length - 1 }));
    expect(below.layer![0].mark.type).toBe('point');
    expect(above.layer![0].mark.type).toBe('rect');
    expect(above.layer![0].encoding!.color.title).toBe('rate (Hz)');
  });

  it('keeps the data bounded and the spike count conserved for a million spikes', async () => {
    const { neuron, t } = poissonRaster(1000, 100, 10, 'million');
    expect(t.length).toBeGreaterThan(990_000);
    const spec = rasterSpec({ neuron, t, t0: 0, t1: 10, neurons: 1000 });
    expect(rowCount(spec)).toBeLessThanOrEqual(200 * 100);
    // Rates times group size times bin width give back the counts.
    let total = 0;
    for (const cell of loose(spec).layer![0].data!.values) {
      total += (cell.rate as number) * ((cell.y1 as number) - (cell.y0 as number)) * ((cell.x1 as number) - (cell.x0 as number));
    }
    expect(Math.round(total)).toBe(t.length);
    expect((await compileFigure(spec)).warnings).toEqual([]);
  });

  it('never puts more rows in the spec than max(maxPoints, grid cells), whatever the spikes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ n: fc.integer({ min: 0, max: 49 }), t: fc.double({ min: 0, max: 0.999, noNaN: true }) }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 100 }),
        (spikes, maxPoints) => {
          const neuron = Int32Array.from(spikes, (s) => s.n);
          const t = Float64Array.from(spikes, (s) => s.t);
          const spec = rasterSpec({ neuron, t, t0: 0, t1: 1, neurons: 50, maxPoints, timeBins: 10, neuronBins: 5 });
          expect(rowCount(spec)).toBeLessThanOrEqual(Math.max(maxPoints, 50));
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it('draws dividers between neuron d - 1 and d', () => {
    const spec = loose(rasterSpec({ neuron: Int32Array.from([0]), t: Float64Array.from([0.5]), t0: 0, t1: 1, neurons: 10, dividers: [8] }));
    const rule = spec.layer![1];
    expect(rule.mark.type).toBe('rule');
    expect(rule.data!.values).toEqual([{ y: 7.5 }]);
  });

  it('labels the time axis in ms for short windows and in s for long ones', () => {
    const neuron = Int32Array.from([0]);
    const t = Float64Array.from([0.5]);
    const short = loose(rasterSpec({ neuron, t, t0: 0, t1: 1 }));
    const long = loose(rasterSpec({ neuron, t, t0: 0, t1: 5 }));
    const forced = loose(rasterSpec({ neuron, t, t0: 0, t1: 1, timeUnit: 's' }));
    expect(short.layer![0].encoding!.x.title).toBe('time (ms)');
    expect(long.layer![0].encoding!.x.title).toBe('time (s)');
    expect(forced.layer![0].data!.values).toEqual([{ t: 0.5, n: 0 }]);
  });

  it('renders an empty raster without failing', async () => {
    const svg = await renderSvg(rasterSpec({ neuron: new Int32Array(0), t: new Float64Array(0), t0: 0, t1: 1, neurons: 5 }));
    expect(svg).toContain('neuron');
  });

  it('rejects mismatched columns and an empty window', () => {
    expect(() => rasterSpec({ neuron: new Int32Array(2), t: new Float64Array(1), t0: 0, t1: 1 })).toThrow(/equal length/);
    expect(() => rasterSpec({ neuron: new Int32Array(1), t: new Float64Array(1), t0: 1, t1: 1 })).toThrow(/t1/);
  });
});
