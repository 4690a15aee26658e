import type { TopLevelSpec } from 'vega-lite';
import { invalidParameter } from '../core/errors.js';
import { minMaxDecimate } from '../kernels/minMaxDecimate.js';
import { legendSymbols } from './legendSymbols.js';
import { SERIES_COLOURS, VEGA_LITE_SCHEMA } from './theme.js';

export interface XySeries {
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly mark: 'line' | 'point' | 'line+point';
  /** Dashed line, e.g. for a fitted or theoretical curve. */
  readonly dash?: boolean;
}

export interface XySpecOptions {
  readonly series: readonly XySeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly logX?: boolean;
  readonly logY?: boolean;
  readonly title?: string;
  /** Most points kept per series (lines are min-max decimated, point clouds evenly strided). Default 4000. */
  readonly maxPoints?: number;
}

/**
 * General x–y plot of named series, each drawn as a line, points or both, with a shared legend.
 * Points with non-finite coordinates, or non-positive ones on a log axis, are left out.
 *
 * @example
 * xySpec({ series: [
 *   { name: 'measured', x: eps, y: p, mark: 'point' },
 *   { name: 'fit', x: epsFine, y: pFit, mark: 'line', dash: true },
 * ], xLabel: 'perturbation ε', yLabel: 'P(divergence)', logX: true });
 */
export function xySpec(options: XySpecOptions): TopLevelSpec {
  const { series } = options;
  const maxPoints = options.maxPoints ?? 4000;
  if (series.length === 0) throw invalidParameter('series', 'none', 'at least one series');
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw invalidParameter('maxPoints', maxPoints, 'an integer ≥ 2');

  const names = series.map((s) => s.name);
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
              symbols: legendSymbols(
                series.map((s) => ({ name: s.name, shape: s.mark === 'point' ? 'circle' : 'stroke', dash: s.dash })),
              ),
            },
          }
        : null,
  };
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: options.xLabel,
    scale: options.logX ? LOG_SCALE : { zero: false },
    axis: options.logX ? { format: logAxisFormat(series.map((s) => s.x)) } : {},
  };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    title: options.yLabel,
    scale: options.logY ? LOG_SCALE : { zero: false },
    axis: options.logY ? { format: logAxisFormat(series.map((s) => s.y)) } : {},
  };

  const layers: object[] = [];
  for (const s of series) {
    if (s.x.length !== s.y.length) {
      throw invalidParameter(`series "${s.name}"`, `${s.x.length} x and ${s.y.length} y values`, 'as many y as x values');
    }
    const rows = seriesRows(s, maxPoints, options.logX ?? false, options.logY ?? false);
    const encoding = { x, y, color: { datum: s.name, ...colour } };
    const lineMark = { type: 'line', clip: true, strokeWidth: 2, ...(s.dash ? { strokeDash: [6, 4] } : {}) };
    const pointMark = { type: 'point', filled: true, size: 40, opacity: 1, clip: true };
    const marks = s.mark === 'line' ? [lineMark] : s.mark === 'point' ? [pointMark] : [lineMark, pointMark];
    for (const mark of marks) layers.push({ data: { values: rows }, mark, encoding });
  }

  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    layer: layers,
  } as TopLevelSpec;
}

/** Log axes hug the data: a "nice" log domain can add almost a decade of empty plot on each side. */
const LOG_SCALE = { type: 'log' as const, nice: false };

/** Plain numbers on log axes that stay within [1e-3, 1e5), exponent notation (1e-6) beyond. */
function logAxisFormat(columns: readonly ArrayLike<number>[]): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const column of columns) {
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (v > 0 && v < lo) lo = v;
      if (v > hi && v < Infinity) hi = v;
    }
  }
  return lo < 1e-3 || hi >= 1e5 ? '~e' : '~g';
}

function seriesRows(s: XySeries, maxPoints: number, logX: boolean, logY: boolean): { x: number; y: number }[] {
  let xs: ArrayLike<number> = s.x;
  let ys: ArrayLike<number> = s.y;
  if (xs.length > maxPoints) {
    if (s.mark === 'point') {
      const stride = xs.length / maxPoints;
      const keepX = new Float64Array(maxPoints);
      const keepY = new Float64Array(maxPoints);
      for (let k = 0; k < maxPoints; k++) {
        const i = Math.floor(k * stride);
        keepX[k] = xs[i];
        keepY[k] = ys[i];
      }
      xs = keepX;
      ys = keepY;
    } else {
      const decimated = minMaxDecimate(Float64Array.from(xs), Float64Array.from(ys), maxPoints);
      xs = decimated.t;
      ys = decimated.y;
    }
  }
  const rows: { x: number; y: number }[] = [];
  for (let i = 0; i < xs.length; i++) {
    const xv = xs[i];
    const yv = ys[i];
    if (!Number.isFinite(xv) || !Number.isFinite(yv)) continue;
    if ((logX && !(xv > 0)) || (logY && !(yv > 0))) continue;
    rows.push({ x: xv, y: yv });
  }
  return rows;
}
