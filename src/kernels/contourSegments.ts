/**
 * The level set {f = level} of a function sampled on a rectangular grid, as straight segments by marching squares
 * (Lorensen & Cline 1987, in two dimensions): each cell whose corners straddle the level contributes one segment
 * (two at a saddle, split by the cell-centre average), with end points linearly interpolated along the cell edges.
 *
 * @param values row-major samples, `values[iy * xs.length + ix]` = f(xs[ix], ys[iy])
 * @param xs increasing grid abscissae
 * @param ys increasing grid ordinates
 * @param level the contour level (default 0)
 * @returns the segments as `[x1, y1, x2, y2, …]`, four numbers per segment; cells with a non-finite corner are skipped
 */
export function contourSegments(values: ArrayLike<number>, xs: ArrayLike<number>, ys: ArrayLike<number>, level = 0): Float64Array {
  const nx = xs.length;
  const ny = ys.length;
  if (values.length !== nx * ny) throw new RangeError(`contourSegments: expected nx·ny = ${nx * ny} values, got ${values.length}`);
  const out: number[] = [];
  // Edge crossings of the current cell: bottom, right, top, left.
  const ex = new Float64Array(4);
  const ey = new Float64Array(4);
  for (let iy = 0; iy + 1 < ny; iy++) {
    const y0 = ys[iy];
    const y1 = ys[iy + 1];
    for (let ix = 0; ix + 1 < nx; ix++) {
      const x0 = xs[ix];
      const x1 = xs[ix + 1];
      const a = values[iy * nx + ix] - level; // (x0, y0)
      const b = values[iy * nx + ix + 1] - level; // (x1, y0)
      const c = values[(iy + 1) * nx + ix + 1] - level; // (x1, y1)
      const d = values[(iy + 1) * nx + ix] - level; // (x0, y1)
      if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) continue;
      const code = (a >= 0 ? 1 : 0) | (b >= 0 ? 2 : 0) | (c >= 0 ? 4 : 0) | (d >= 0 ? 8 : 0);
      if (code === 0 || code === 15) continue;
      ex[0] = x0 + crossing(a, b) * (x1 - x0);
      ey[0] = y0;
      ex[1] = x1;
      ey[1] = y0 + crossing(b, c) * (y1 - y0);
      ex[2] = x0 + crossing(d, c) * (x1 - x0);
      ey[2] = y1;
      ex[3] = x0;
      ey[3] = y0 + crossing(a, d) * (y1 - y0);
      if (code === 5 || code === 10) {
        // Saddle: the centre average decides whether the two inside corners are joined through the cell.
        const centreInside = a + b + c + d >= 0;
        pushSegments(out, centreInside === (code === 5) ? CUT_BOTTOM_RIGHT_AND_TOP_LEFT : CUT_BOTTOM_LEFT_AND_TOP_RIGHT, ex, ey);
      } else {
        pushSegments(out, EDGE_PAIRS[code], ex, ey);
      }
    }
  }
  return Float64Array.from(out);
}

/** Fraction along the edge from a corner with value p to one with value q where the linear interpolant is zero. */
function crossing(p: number, q: number): number {
  const difference = p - q;
  return difference === 0 ? 0.5 : p / difference;
}

function pushSegments(out: number[], pairs: readonly number[], ex: Float64Array, ey: Float64Array): void {
  for (let k = 0; k < pairs.length; k += 2) out.push(ex[pairs[k]], ey[pairs[k]], ex[pairs[k + 1]], ey[pairs[k + 1]]);
}

/**
 * Edges joined for each corner code (bit 0 bottom-left, 1 bottom-right, 2 top-right, 3 top-left set when the corner
 * is at or above the level); edges are 0 bottom, 1 right, 2 top, 3 left. The saddles 5 and 10 are resolved separately.
 */
const EDGE_PAIRS: readonly (readonly number[])[] = [
  [],
  [3, 0],
  [0, 1],
  [3, 1],
  [1, 2],
  [],
  [0, 2],
  [3, 2],
  [2, 3],
  [0, 2],
  [],
  [1, 2],
  [1, 3],
  [0, 1],
  [0, 3],
  [],
];

/** Segments cutting off the bottom-right and the top-left corner. */
const CUT_BOTTOM_RIGHT_AND_TOP_LEFT: readonly number[] = [0, 1, 2, 3];
/** Segments cutting off the bottom-left and the top-right corner. */
const CUT_BOTTOM_LEFT_AND_TOP_RIGHT: readonly number[] = [3, 0, 1, 2];
