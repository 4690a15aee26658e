/**
 * The distance that separates a decayed from a grown perturbation after `duration`: the geometric midpoint
 * √(d_decay·d_unrelated) between the two outcomes the dynamics allow, both measured rather than assumed:
 * - d_decay = initial·e^{−duration/τ_m}: a perturbation that stays inside its flux tube shrinks at least like the
 *   membrane leak (Monteforte & Wolf 2010; in a clock-driven run, neurons that spike on the same step on both
 *   trajectories even reset to identical potentials);
 * - d_unrelated: the distance between two independent trajectories of the same network, which a perturbation
 *   that left its flux tube reaches within a few spikes.
 * The two are many orders of magnitude apart once the duration spans a few τ_m, so the midpoint on a log scale
 * decides robustly; a distance that neither decayed nor grew counts as not decayed.
 *
 * @param initial the distance right after the perturbation
 * @param duration simulated seconds since the perturbation
 * @param tauM the membrane time constant
 * @param unrelated the distance of unrelated states, in the same norm as `initial`
 */
export function divergenceThreshold(initial: number, duration: number, tauM: number, unrelated: number): number {
  if (!(initial > 0 && unrelated > 0 && duration >= 0 && tauM > 0)) {
    throw new RangeError(`divergenceThreshold: expected positive distances, duration ≥ 0 and τ_m > 0, got ${initial}, ${unrelated}, ${duration}, ${tauM}`);
  }
  return Math.sqrt(initial * Math.exp(-duration / tauM)) * Math.sqrt(unrelated);
}
