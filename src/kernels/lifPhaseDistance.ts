import type { LifPhaseMap } from './lifPhaseMap.js';

/**
 * Phase distances between two sets of LIF states, row by row: for each row s of `size` neurons,
 * `l2[s]` = ‖d‖₂ and `meanAbs[s]` = Σ d_i / size with d_i the circular phase difference (see circularDifference)
 * of φ(a_i) and φ(b_i).
 *
 * The phase difference is taken in one logarithm, φ(a) − φ(b) = (τ_m/T_free)·log1p((a − b)/(I − a)), rather than
 * as the difference of two phases: converging trajectories reach distances of 1e-14 and below, far under the
 * rounding noise of subtracting two phases of order one.
 *
 * @param a row-major rows × size potentials (V < I)
 * @param b same shape as `a`
 * @param l2 receives one L2 norm per row
 * @param meanAbs receives one mean absolute difference per row
 */
export function lifPhaseDistances(map: LifPhaseMap, a: Float64Array, b: Float64Array, size: number, l2: Float64Array, meanAbs: Float64Array): void {
  if (!(size > 0) || a.length !== b.length || a.length % size !== 0) {
    throw new RangeError(`lifPhaseDistances: expected two arrays of the same length, a multiple of size ${size}, got ${a.length} and ${b.length}`);
  }
  const rows = a.length / size;
  if (l2.length < rows || meanAbs.length < rows) throw new RangeError(`lifPhaseDistances: expected outputs of length ≥ ${rows}, got ${l2.length} and ${meanAbs.length}`);
  const { drive, phasePerLog } = map;
  for (let s = 0; s < rows; s++) {
    const start = s * size;
    const end = start + size;
    let squares = 0;
    let sum = 0;
    for (let i = start; i < end; i++) {
      const x = a[i];
      let d = Math.abs(phasePerLog * Math.log1p((x - b[i]) / (drive - x))) % 1;
      if (d > 0.5) d = 1 - d;
      squares += d * d;
      sum += d;
    }
    l2[s] = Math.sqrt(squares);
    meanAbs[s] = sum / size;
  }
}
