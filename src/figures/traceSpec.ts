import type { TopLevelSpec } from 'vega-lite';
import { invalidParameter } from '../core/errors.js';
import { minMaxDecimate } from '../kernels/minMaxDecimate.js';
import { legendSymbols } from './legendSymbols.js';
import { SERIES_COLOURS, VEGA_LITE_SCHEMA } from './theme.js';

export interface TraceSeries {
  readonly name: string;
  /** One value per sample time. */
  readonly values: ArrayLike<number>;
}

export interface TraceReferenceLine {
  readonly y: number;
  /** Written above the line at the left edge of the plot. */
  readonly label: string;
  /** Draw dashed (default true). */
  readonly dash?: boolean;
}

/** Point marks sharing a legend label, e.g. all spikes of a trace; `t` and `y` may be single numbers or arrays. */
export interface TraceMarks {
  readonly t: number | ArrayLike<number>;
  readonly y: number | ArrayLike<number>;
  readonly label: string;
}

export interface TraceSpecOptions {
  /** Sample times shared by all series, increasing. */
  readonly t: ArrayLike<number>;
  readonly series: readonly TraceSeries[];
  readonly hlines?: readonly TraceReferenceLine[];
  readonly marks?: readonly TraceMarks[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly title?: string;
  /** Budget of plotted samples over all series (and, separately, of marks). Default 4000. */
  readonly maxPoints?: number;
  /** Logarithmic y axis; non-positive values are left out. */
  readonly logY?: boolean;
}

/**
 * Line plot of one or more sampled series against time (membrane potential, population rate, …), each
 * min-max decimated so peaks survive while the data stay within `maxPoints` samples in total.
 * Optional dashed reference lines (threshold, reset) and point marks (spikes).
 *
 * @example
 * traceSpec({ t, series: [{ name: 'V', values: v }], hlines: [{ y: -50, label: 'threshold' }],
 *   marks: [{ t: spikeTimes, y: -50, label: 'spike' }], xLabel: 'time (ms)', yLabel: 'V (mV)' });
 */
export function traceSpec(options: TraceSpecOptions): TopLevelSpec {
  const { t, series } = options;
  const maxPoints = options.maxPoints ?? 4000;
  const marks = options.marks ?? [];
  if (series.length === 0) throw invalidParameter('series', 'none', 'at least one series');
  if (!Number.isInteger(maxPoints) || maxPoints < 2 * series.length) {
    throw invalidParameter('maxPoints', maxPoints, `an integer ≥ 2 per series (${2 * series.length})`);
  }
  for (const s of series) {
    if (s.values.length !== t.length) {
      throw invalidParameter(`series "${s.name}"`, `${s.values.length} values`, `${t.length} values, one per sample time`);
    }
  }

  const times = Float64Array.from(t);
  const perSeries = Math.floor(maxPoints / series.length);
  const lineRows: { t: number; y: number; series: string }[] = [];
  for (const s of series) {
    const decimated = minMaxDecimate(times, Float64Array.from(s.values), perSeries);
    for (let i = 0; i < decimated.t.length; i++) {
      const y = decimated.y[i];
      if (options.logY && !(y > 0)) continue;
      lineRows.push({ t: decimated.t[i], y: Number.isFinite(y) ? y : NaN, series: s.name });
    }
  }
  const markRows = markPoints(marks, maxPoints, options.logY ?? false);

  const names = [...series.map((s) => s.name), ...marks.map((m) => m.label)];
  const colour = {
    type: 'nominal' as const,
    title: null,
    scale: { domain: names, range: names.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]) },
    legend:
      names.length > 1
        ? {
            orient: 'top' as const,
            direction: 'horizontal' as const,
            encoding: {
              symbols: legendSymbols([
                ...series.map((s) => ({ name: s.name, shape: 'stroke' as const })),
                ...marks.map((m) => ({ name: m.label, shape: 'circle' as const })),
              ]),
            },
          }
        : null,
  };
  const xDomain = times.length > 0 ? [times[0], times[times.length - 1]] : undefined;
  const x = {
    field: 't',
    type: 'quantitative' as const,
    title: options.xLabel,
    scale: { domain: xDomain, nice: false, zero: false },
  };
  const yScale = options.logY ? { type: 'log' as const } : { zero: false };

  const layers: object[] = [
    {
      data: { values: lineRows },
      mark: { type: 'line', clip: true },
      encoding: {
        x,
        y: { field: 'y', type: 'quantitative', title: options.yLabel, scale: yScale },
        color: { field: 'series', ...colour },
      },
    },
  ];
  if (markRows.length > 0) {
    layers.push({
      data: { values: markRows },
      mark: { type: 'point', filled: true, size: 36, opacity: 1, clip: true },
      encoding: {
        x,
        y: { field: 'y', type: 'quantitative' },
        color: { field: 'label', ...colour },
      },
    });
  }
  for (const line of options.hlines ?? []) {
    if (options.logY && !(line.y > 0)) continue;
    layers.push({
      data: { values: [{ y: line.y, label: line.label }] },
      layer: [
        {
          mark: { type: 'rule', color: '#555', strokeWidth: 1, strokeDash: line.dash === false ? [] : [5, 4] },
          encoding: { y: { field: 'y', type: 'quantitative' } },
        },
        {
          mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -2, x: 0, color: '#555', fontSize: 11 },
          encoding: { y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    });
  }

  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    layer: layers,
  } as TopLevelSpec;
}

/** Flattens the mark groups to rows, striding evenly through them when there are more than `maxPoints`. */
function markPoints(
  marks: readonly TraceMarks[],
  maxPoints: number,
  logY: boolean,
): { t: number; y: number; label: string }[] {
  let total = 0;
  for (const m of marks) total += markCount(m);
  const stride = total > maxPoints ? total / maxPoints : 1;
  const rows: { t: number; y: number; label: string }[] = [];
  let next = 0;
  let index = 0;
  for (const m of marks) {
    const n = markCount(m);
    for (let i = 0; i < n; i++, index++) {
      if (index < next) continue;
      next += stride;
      const t = typeof m.t === 'number' ? m.t : m.t[i];
      const y = typeof m.y === 'number' ? m.y : m.y[i];
      if (!Number.isFinite(t) || !Number.isFinite(y) || (logY && !(y > 0))) continue;
      rows.push({ t, y, label: m.label });
    }
  }
  return rows;
}

function markCount(m: TraceMarks): number {
  const tn = typeof m.t === 'number' ? 1 : m.t.length;
  const yn = typeof m.y === 'number' ? 1 : m.y.length;
  if (typeof m.t !== 'number' && typeof m.y !== 'number' && tn !== yn) {
    throw invalidParameter(`marks "${m.label}"`, `${tn} times and ${yn} values`, 'as many values as times');
  }
  return typeof m.t === 'number' ? yn : tn;
}
