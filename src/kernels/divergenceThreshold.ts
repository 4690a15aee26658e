/**
 * The distance that separates a decayed from a grown perturbation at the end of a run: the geometric midpoint
 * √(d_decayed·d_unrelated) between the two outcomes the dynamics allow, both measured on the network itself:
 * - d_decayed = initial·decayFactor: a perturbation that stays inside its flux tube shrinks like an
 *   infinitesimal one, whose decay factor over the run is measured with a probe (Monteforte & Wolf 2010: in the
 *   clock-driven network this is the membrane leak e^(−t/τ_m), in the exact event-driven one it is slower);
 * - d_unrelated: the distance between two independent trajectories of the same network, which a perturbation
 *   that left its flux tube reaches within a few spikes.
 * The two lie orders of magnitude apart once the run spans a few τ_m, so the midpoint on a log scale decides
 * robustly. A factor above 1 is taken as 1 (a perturbation inside its tube does not grow), so a distance that
 * neither decayed nor grew counts as decayed.
 *
 * @param initial the distance right after the perturbation
 * @param decayFactor d(T)/d(0) of an infinitesimal perturbation
 * @param unrelated the distance of unrelated states, in the same norm as `initial`
 */
export function divergenceThreshold(initial: number, decayFactor: number, unrelated: number): number {
  if (!(initial > 0 && unrelated > 0 && decayFactor > 0)) {
    throw new RangeError(`divergenceThreshold: expected positive distances and decay factor, got ${initial}, ${unrelated} and ${decayFactor}`);
  }
  return Math.sqrt(initial * Math.min(decayFactor, 1)) * Math.sqrt(unrelated);
}
