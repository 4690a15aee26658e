import type { TopLevelSpec } from 'vega-lite';
import { invalidParameter } from '../core/errors.js';
import { binRaster } from '../kernels/binRaster.js';
import { formatNumber } from './formatNumber.js';
import { VEGA_LITE_SCHEMA, VIEW_HEIGHT } from './theme.js';

export interface RasterSpecOptions {
  /** Neuron index of each spike. */
  readonly neuron: Int32Array;
  /** Spike times in seconds, same length as `neuron`. */
  readonly t: Float64Array;
  /** Window start in seconds (inclusive); spikes outside [t0, t1) are left out. */
  readonly t0: number;
  /** Window end in seconds (exclusive). */
  readonly t1: number;
  /** Population size; defaults to the largest neuron index seen plus one. */
  readonly neurons?: number;
  readonly title?: string;
  /** Horizontal divider lines: `d` is drawn between neurons `d - 1` and `d` (e.g. `[NE]` for an E/I split). */
  readonly dividers?: readonly number[];
  /** Above this many spikes in the window the raster becomes a binned rate heatmap. Default 50 000. */
  readonly maxPoints?: number;
  /** Time axis unit; 'auto' uses ms for windows up to 2 s. */
  readonly timeUnit?: 's' | 'ms' | 'auto';
  /** Time bins of the heatmap used above `maxPoints`. Default 200. */
  readonly timeBins?: number;
  /** Neuron groups of the heatmap used above `maxPoints`. Default min(neurons, 100). */
  readonly neuronBins?: number;
}

/**
 * A spike raster: one tick per spike (neuron against time) while there are at most `maxPoints` spikes
 * in the window, otherwise a heatmap of the rate per (neuron group × time bin), so the spec's data stays
 * bounded by `max(maxPoints, timeBins × neuronBins)` rows whatever the number of spikes.
 *
 * @example
 * await renderFigure(rasterSpec({ neuron, t, t0: 0, t1: 1, dividers: [800], title: 'Balanced LIF' }), 'raster.png');
 */
export function rasterSpec(options: RasterSpecOptions): TopLevelSpec {
  const { neuron, t, t0, t1 } = options;
  const maxPoints = options.maxPoints ?? 50_000;
  if (neuron.length !== t.length) {
    throw invalidParameter('neuron/t', `${neuron.length}/${t.length}`, 'spike columns of equal length');
  }
  if (!(Number.isFinite(t0) && Number.isFinite(t1) && t1 > t0)) {
    throw invalidParameter('t1', t1, `a finite window end greater than t0 = ${t0}`);
  }
  if (!Number.isInteger(maxPoints) || maxPoints < 0) {
    throw invalidParameter('maxPoints', maxPoints, 'an integer ≥ 0');
  }
  const neurons = options.neurons ?? largestIndex(neuron) + 1;
  if (!Number.isInteger(neurons) || neurons < 1) {
    throw invalidParameter('neurons', neurons, 'an integer ≥ 1');
  }

  const unit = resolveTimeUnit(options.timeUnit ?? 'auto', t1 - t0);
  const timeScale = unit === 'ms' ? 1000 : 1;
  const spikes = countInWindow(neuron, t, t0, t1, neurons);
  const binned = spikes > maxPoints;

  const x = {
    type: 'quantitative' as const,
    title: `time (${unit})`,
    scale: { domain: [t0 * timeScale, t1 * timeScale], nice: false, zero: false },
  };
  const y = {
    type: 'quantitative' as const,
    title: 'neuron',
    scale: { domain: [-0.5, neurons - 0.5], nice: false, zero: false },
    axis: { grid: false, tickMinStep: 1 },
  };

  const dividerLayer = {
    data: { values: (options.dividers ?? []).map((d) => ({ y: d - 0.5 })) },
    mark: { type: 'rule' as const, color: '#d62728', strokeWidth: 1.5, strokeDash: [6, 3] },
    encoding: { y: { field: 'y', type: 'quantitative' as const } },
  };

  let main;
  let subtitle: string;
  if (!binned) {
    main = {
      data: { values: spikeRows(neuron, t, t0, t1, neurons, timeScale, spikes) },
      mark: {
        type: 'point' as const,
        // A vertical bar as the symbol: the classic raster tick, about one neuron row tall.
        shape: 'M0,-1V1',
        filled: false,
        color: '#111',
        strokeWidth: 1,
        opacity: 1,
        size: tickSize(neurons),
        clip: true,
      },
      encoding: { x: { field: 't', ...x }, y: { field: 'n', ...y } },
    };
    subtitle = `${spikes} spikes, ${neurons} neurons`;
  } else {
    const timeBins = options.timeBins ?? 200;
    const neuronBins = options.neuronBins ?? Math.min(neurons, 100);
    main = {
      data: { values: rateCells(neuron, t, t0, t1, neurons, timeBins, neuronBins, timeScale) },
      // A hairline stroke in the fill colour hides the antialiasing seams between adjacent cells.
      mark: { type: 'rect' as const, clip: true, strokeWidth: 0.5, stroke: { expr: "scale('color', datum.rate)" } },
      encoding: {
        x: { field: 'x0', ...x },
        x2: { field: 'x1' },
        y: { field: 'y0', ...y },
        y2: { field: 'y1' },
        color: {
          field: 'rate',
          type: 'quantitative' as const,
          title: 'rate (Hz)',
          scale: { scheme: 'greys', domainMin: 0 },
          legend: { gradientLength: Math.round(VIEW_HEIGHT * 0.6), format: '~s' },
        },
      },
    };
    const binSeconds = (t1 - t0) / timeBins;
    const binWidth = binSeconds < 1 ? `${formatNumber(binSeconds * 1000)} ms` : `${formatNumber(binSeconds)} s`;
    const perGroup = neurons / neuronBins;
    subtitle =
      `${spikes} spikes, ${neurons} neurons; binned ${binWidth}` +
      (perGroup > 1 ? ` × ${formatNumber(perGroup)} neurons` : '');
  }

  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: options.title ?? 'Spike raster', subtitle },
    layer: options.dividers?.length ? [main, dividerLayer] : [main],
  } as TopLevelSpec;
}

function resolveTimeUnit(unit: 's' | 'ms' | 'auto', span: number): 's' | 'ms' {
  if (unit !== 'auto') return unit;
  return span <= 2 ? 'ms' : 's';
}

/** Length of a raster tick in pixels: one neuron row, kept visible for large and small populations. */
function tickSize(neurons: number): number {
  const row = VIEW_HEIGHT / neurons;
  const length = Math.min(8, Math.max(2, row * 0.9));
  // Custom symbol paths span [-1, 1] and are scaled by sqrt(size) / 2.
  return length * length;
}

function largestIndex(neuron: Int32Array): number {
  let largest = -1;
  for (let i = 0; i < neuron.length; i++) if (neuron[i] > largest) largest = neuron[i];
  return largest;
}

function countInWindow(neuron: Int32Array, t: Float64Array, t0: number, t1: number, neurons: number): number {
  let count = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] >= t0 && t[i] < t1 && neuron[i] >= 0 && neuron[i] < neurons) count++;
  }
  return count;
}

function spikeRows(
  neuron: Int32Array,
  t: Float64Array,
  t0: number,
  t1: number,
  neurons: number,
  timeScale: number,
  count: number,
): { t: number; n: number }[] {
  const rows = new Array<{ t: number; n: number }>(count);
  let k = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] >= t0 && t[i] < t1 && neuron[i] >= 0 && neuron[i] < neurons) {
      rows[k++] = { t: t[i] * timeScale, n: neuron[i] };
    }
  }
  return rows;
}

/** Non-empty grid cells as rectangles, coloured by the mean rate of one neuron of the group. */
function rateCells(
  neuron: Int32Array,
  t: Float64Array,
  t0: number,
  t1: number,
  neurons: number,
  timeBins: number,
  neuronBins: number,
  timeScale: number,
): { x0: number; x1: number; y0: number; y1: number; rate: number }[] {
  const grid = binRaster(neuron, t, { neurons, t0, t1, timeBins, neuronBins });
  const binSeconds = (t1 - t0) / timeBins;
  const cells: { x0: number; x1: number; y0: number; y1: number; rate: number }[] = [];
  for (let row = 0; row < neuronBins; row++) {
    // Group `row` holds neurons first..last-1 (binRaster puts neuron i in floor(i * neuronBins / neurons)).
    const first = Math.ceil((row * neurons) / neuronBins);
    const last = Math.ceil(((row + 1) * neurons) / neuronBins);
    const size = last - first;
    if (size === 0) continue;
    for (let column = 0; column < timeBins; column++) {
      const count = grid.counts[row * timeBins + column];
      if (count === 0) continue;
      cells.push({
        x0: (t0 + column * binSeconds) * timeScale,
        x1: (t0 + (column + 1) * binSeconds) * timeScale,
        y0: first - 0.5,
        y1: last - 0.5,
        rate: count / (size * binSeconds),
      });
    }
  }
  return cells;
}
