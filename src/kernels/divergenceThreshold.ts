/**
 * The distance that separates a decayed from a grown perturbation at the end of a run: the geometric midpoint
 * √(d_decayed·d_unrelated) between the two outcomes the dynamics allow, both measured on the network itself:
 * - d_decayed = max(initial·decayFactor, resolution): a perturbation that stays inside its flux tube shrinks like
 *   an infinitesimal one, whose decay factor over the run is measured with a probe. Over many τ_m that decay
 *   reaches the resolution of double-precision phases (about 2⁻⁵²·√N in the L2 norm), below which no distance
 *   can be told from zero, so the decayed level never falls below `resolution`;
 * - d_unrelated: the distance between two independent trajectories of the same network, which a perturbation
 *   that left its flux tube reaches within a few spikes.
 * The two lie orders of magnitude apart once the run spans a few τ_m, so the midpoint on a log scale decides
 * robustly. A factor above 1 is taken as 1 (a perturbation inside its tube does not grow), so a distance that
 * neither decayed nor grew counts as decayed.
 *
 * @param initial the distance right after the perturbation
 * @param decayFactor d(T)/d(0) of an infinitesimal perturbation (0 when it decayed below the resolution)
 * @param unrelated the distance of unrelated states, in the same norm as `initial`
 * @param resolution the smallest distance that can be told from zero
 */
export function divergenceThreshold(initial: number, decayFactor: number, unrelated: number, resolution: number): number {
  if (!(initial > 0 && unrelated > 0 && decayFactor >= 0 && resolution > 0)) {
    throw new RangeError(
      `divergenceThreshold: expected positive distances and resolution and a non-negative decay factor, got ${initial}, ${unrelated}, ${resolution} and ${decayFactor}`,
    );
  }
  return Math.sqrt(Math.max(initial * Math.min(decayFactor, 1), resolution) * unrelated);
}

/** The L2 resolution of N phases of order one in double precision: one unit in the last place each. */
export function phaseResolution(size: number): number {
  return Number.EPSILON * Math.sqrt(size);
}
