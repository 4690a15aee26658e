import type { TopLevelSpec } from 'vega-lite';
import { invalidParameter } from '../core/errors.js';
import { legendSymbols } from './legendSymbols.js';
import { SERIES_COLOURS, VEGA_LITE_SCHEMA } from './theme.js';

export interface PathSeries {
  readonly name: string;
  /** Coordinates in drawing order; a non-finite x or y ends one piece of the path and starts the next. */
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** `line` (default) joins the points of each piece in the given order; `point` draws them as dots. */
  readonly mark?: 'line' | 'point';
  readonly dash?: boolean;
  /** Stroke width of lines (default 2) or area of points (default 40). */
  readonly size?: number;
  /** Overrides the series colour (default: the theme's colours in series order). */
  readonly colour?: string;
}

/** A text note at a data position, e.g. a region name or a fixed point's class. */
export interface PathLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** Which side of the position the text extends to (default right). */
  readonly side?: 'left' | 'right';
}

export interface PathSpecOptions {
  readonly series: readonly PathSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly title?: string;
  /** Fixed axis ranges; marks outside are clipped. Default: fitted to the data. */
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly labels?: readonly PathLabel[];
  /** Most points kept per series (every k-th point of each piece, piece ends always kept). Default 6000. */
  readonly maxPoints?: number;
  /** Plot area in SVG pixels (default: the theme's view size). */
  readonly width?: number;
  readonly height?: number;
}

interface PathRow {
  x: number;
  y: number;
  /** Piece of the series the point belongs to. */
  piece: number;
  /** Position along the piece, which sets the drawing order. */
  order: number;
}

/**
 * Curves in the plane drawn in the order of their points rather than sorted by x: phase-plane trajectories,
 * nullclines and contours, vector fields as short segments (each segment a piece of one series), critical lines
 * x(y). Each series can be broken into pieces by non-finite coordinates; all pieces share its colour and legend
 * entry. Optional text labels at data positions.
 *
 * @example
 * pathSpec({ series: [
 *   { name: 'E nullcline', x: segmentsX, y: segmentsY },
 *   { name: 'trajectory', x: vE, y: vI },
 *   { name: 'fixed points', x: [0.2], y: [0.3], mark: 'point' },
 * ], xLabel: 'v_E', yLabel: 'v_I', xDomain: [0, 1], yDomain: [0, 1] });
 */
export function pathSpec(options: PathSpecOptions): TopLevelSpec {
  const { series } = options;
  const maxPoints = options.maxPoints ?? 6000;
  if (series.length === 0) throw invalidParameter('series', 'none', 'at least one series');
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw invalidParameter('maxPoints', maxPoints, 'an integer ≥ 2');
  for (const domain of [options.xDomain, options.yDomain]) {
    if (domain && !(domain[1] > domain[0] && Number.isFinite(domain[0]) && Number.isFinite(domain[1]))) {
      throw invalidParameter('domain', `[${domain[0]}, ${domain[1]}]`, 'a finite range [lo, hi] with lo < hi');
    }
  }
  const names = series.map((s) => s.name);
  const colours = series.map((s, i) => s.colour ?? SERIES_COLOURS[i % SERIES_COLOURS.length]);
  const colour = {
    type: 'nominal' as const,
    title: null,
    scale: { domain: names, range: colours },
    legend:
      names.length > 1
        ? {
            orient: 'top' as const,
            direction: 'horizontal' as const,
            columns: Math.min(names.length, 4),
            encoding: { symbols: legendSymbols(series.map((s) => ({ name: s.name, shape: s.mark === 'point' ? 'circle' : 'stroke', dash: s.dash }))) },
          }
        : null,
  };
  const x = { field: 'x', type: 'quantitative' as const, title: options.xLabel, scale: options.xDomain ? { domain: [...options.xDomain], nice: false } : { zero: false } };
  const y = { field: 'y', type: 'quantitative' as const, title: options.yLabel, scale: options.yDomain ? { domain: [...options.yDomain], nice: false } : { zero: false } };

  const layers: object[] = series.map((s) => {
    if (s.x.length !== s.y.length) throw invalidParameter(`series "${s.name}"`, `${s.x.length} x and ${s.y.length} y values`, 'as many y as x values');
    const rows = pathRows(s.x, s.y, maxPoints);
    if (s.mark === 'point') {
      return {
        data: { values: rows },
        mark: { type: 'point', filled: true, size: s.size ?? 40, opacity: 1, clip: true },
        encoding: { x, y, color: { datum: s.name, ...colour } },
      };
    }
    return {
      data: { values: rows },
      mark: { type: 'line', clip: true, strokeWidth: s.size ?? 2, ...(s.dash ? { strokeDash: [6, 4] } : {}) },
      encoding: { x, y, order: { field: 'order', type: 'quantitative' as const }, detail: { field: 'piece', type: 'nominal' as const }, color: { datum: s.name, ...colour } },
    };
  });
  if (options.labels && options.labels.length > 0) {
    for (const side of ['right', 'left'] as const) {
      const labels = options.labels.filter((label) => (label.side ?? 'right') === side);
      if (labels.length === 0) continue;
      layers.push({
        data: { values: labels.map((label) => ({ x: label.x, y: label.y, text: label.text })) },
        mark: { type: 'text', align: side === 'right' ? 'left' : 'right', dx: side === 'right' ? 7 : -7, dy: -7, fontSize: 12, clip: true },
        encoding: { x, y, text: { field: 'text', type: 'nominal' as const } },
      });
    }
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    ...(options.width ? { width: options.width } : {}),
    ...(options.height ? { height: options.height } : {}),
    layer: layers,
  } as TopLevelSpec;
}

/** Splits at non-finite coordinates and thins each piece to fit `maxPoints` in total, keeping both ends. */
function pathRows(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints: number): PathRow[] {
  let finite = 0;
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) finite++;
  const stride = Math.max(1, Math.ceil(finite / maxPoints));
  const rows: PathRow[] = [];
  let piece = 0;
  let order = 0;
  for (let i = 0; i < xs.length; i++) {
    const xv = xs[i];
    const yv = ys[i];
    if (!(Number.isFinite(xv) && Number.isFinite(yv))) {
      if (order > 0) piece++;
      order = 0;
      continue;
    }
    const lastOfPiece = i + 1 === xs.length || !(Number.isFinite(xs[i + 1]) && Number.isFinite(ys[i + 1]));
    if (order % stride === 0 || lastOfPiece) rows.push({ x: xv, y: yv, piece, order });
    order++;
  }
  return rows;
}
