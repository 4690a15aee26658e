import type { TopLevelSpec } from 'vega-lite';
import { invalidParameter } from '../core/errors.js';
import { VEGA_LITE_SCHEMA } from './theme.js';

export interface HeatmapSpecOptions {
  /** Cell centres along x, strictly increasing (nx values). */
  readonly x: ArrayLike<number>;
  /** Cell centres along y, strictly increasing (ny values). */
  readonly y: ArrayLike<number>;
  /**
   * One value per cell, row-major with rows along y: cell (ix, iy) is `z[iy * nx + ix]`.
   * Numbers (rates, labels) or strings (state names). Non-finite numbers leave the cell blank.
   */
  readonly z: ArrayLike<number> | readonly string[];
  /** Colour by category (labels, states) instead of a continuous scale. Default: true for strings. */
  readonly categorical?: boolean;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Colour legend title. */
  readonly zLabel?: string;
  readonly title?: string;
  readonly logX?: boolean;
  readonly logY?: boolean;
  /** Above this many cells, every k-th row and column is kept so that at most this many remain. Default 40 000. */
  readonly maxCells?: number;
}

/** Beyond this many categories a legend is unreadable; colours then cycle and serve only to tell neighbours apart. */
const MAX_LEGEND_CATEGORIES = 20;

/**
 * A heatmap over a rectangular grid of cell centres: categorical for label maps (flux tubes) and phase
 * diagrams of named states, continuous (viridis) for quantities such as rates. Cells extend halfway to
 * their neighbours (geometric halfway on log axes), so non-uniform grids are drawn without gaps.
 *
 * @example
 * heatmapSpec({ x: g, y: nuExt, z: states, xLabel: 'g', yLabel: 'ν_ext / ν_thr', title: 'Brunel phase diagram' });
 */
export function heatmapSpec(options: HeatmapSpecOptions): TopLevelSpec {
  const { x, y, z } = options;
  const nx = x.length;
  const ny = y.length;
  const maxCells = options.maxCells ?? 40_000;
  if (nx === 0 || ny === 0) throw invalidParameter('x/y', `${nx}/${ny} cell centres`, 'at least one cell along each axis');
  if (z.length !== nx * ny) throw invalidParameter('z', `${z.length} values`, `nx × ny = ${nx} × ${ny} = ${nx * ny} values`);
  if (!Number.isInteger(maxCells) || maxCells < 1) throw invalidParameter('maxCells', maxCells, 'an integer ≥ 1');
  checkIncreasing('x', x);
  checkIncreasing('y', y);

  const isText = typeof z[0] === 'string';
  const categorical = options.categorical ?? isText;
  if (isText && !categorical) throw invalidParameter('categorical', false, 'true for string values');

  let stride = Math.max(1, Math.ceil(Math.sqrt((nx * ny) / maxCells)));
  // The square-root guess can fall short when one axis is much shorter than the other.
  while (Math.ceil(nx / stride) * Math.ceil(ny / stride) > maxCells) stride++;
  const columns = strided(nx, stride);
  const rows = strided(ny, stride);
  const xEdges = cellEdges(columns.map((i) => x[i]), options.logX ?? false);
  const yEdges = cellEdges(rows.map((i) => y[i]), options.logY ?? false);

  const cells: { x0: number; x1: number; y0: number; y1: number; z: number | string }[] = [];
  const categories = new Set<number | string>();
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < columns.length; c++) {
      const value = z[rows[r] * nx + columns[c]];
      if (typeof value === 'number' && !Number.isFinite(value)) continue;
      if (categorical) categories.add(value);
      cells.push({ x0: xEdges[c], x1: xEdges[c + 1], y0: yEdges[r], y1: yEdges[r + 1], z: value });
    }
  }

  const axisScale = (log: boolean, edges: number[]) => ({
    type: log ? ('log' as const) : ('linear' as const),
    domain: [edges[0], edges[edges.length - 1]],
    nice: false,
    zero: false,
  });
  const colour = categorical
    ? {
        field: 'z',
        type: 'nominal' as const,
        title: options.zLabel ?? null,
        scale: { scheme: 'tableau20', domain: sortedCategories(categories) },
        legend: categories.size <= MAX_LEGEND_CATEGORIES ? {} : null,
      }
    : {
        field: 'z',
        type: 'quantitative' as const,
        title: options.zLabel ?? null,
        scale: { scheme: 'viridis' },
      };

  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    data: { values: cells },
    // A hairline stroke in the fill colour hides the antialiasing seams between adjacent cells.
    mark: { type: 'rect', strokeWidth: 0.5, stroke: { expr: "scale('color', datum.z)" } },
    encoding: {
      x: { field: 'x0', type: 'quantitative', title: options.xLabel, scale: axisScale(options.logX ?? false, xEdges), axis: { grid: false } },
      x2: { field: 'x1' },
      y: { field: 'y0', type: 'quantitative', title: options.yLabel, scale: axisScale(options.logY ?? false, yEdges), axis: { grid: false } },
      y2: { field: 'y1' },
      color: colour,
    },
  } as TopLevelSpec;
}

function checkIncreasing(name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]) || (i > 0 && !(values[i] > values[i - 1]))) {
      throw invalidParameter(`${name}[${i}]`, values[i], 'finite cell centres in strictly increasing order');
    }
  }
}

function strided(n: number, stride: number): number[] {
  const kept: number[] = [];
  for (let i = 0; i < n; i += stride) kept.push(i);
  return kept;
}

/** Boundaries halfway between neighbouring centres; the outer cells are as wide as their inner half. */
function cellEdges(centres: number[], log: boolean): number[] {
  if (log && centres[0] <= 0) throw invalidParameter('cell centres', centres[0], 'positive values on a log axis');
  const u = log ? centres.map(Math.log) : centres;
  const n = u.length;
  const edges = new Array<number>(n + 1);
  if (n === 1) {
    edges[0] = u[0] - 0.5;
    edges[1] = u[0] + 0.5;
  } else {
    for (let i = 1; i < n; i++) edges[i] = (u[i - 1] + u[i]) / 2;
    edges[0] = u[0] - (edges[1] - u[0]);
    edges[n] = u[n - 1] + (u[n - 1] - edges[n - 1]);
  }
  return log ? edges.map(Math.exp) : edges;
}

function sortedCategories(categories: Set<number | string>): (number | string)[] {
  // Code-unit order rather than localeCompare, so the colour assignment does not depend on the machine's locale.
  return [...categories].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
  );
}
