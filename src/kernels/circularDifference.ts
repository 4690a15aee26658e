/**
 * The distance between two phases on the unit circle, min(|Δ| mod 1, 1 − |Δ| mod 1), in [0, 1/2].
 * A neuron that has just fired (phase ≈ 0, or slightly negative after an inhibitory pulse) and its twin about to
 * fire (phase ≈ 1) are one spike apart in time by a hair, not a whole period: on the circle they are close.
 * Phases outside [0, 1) (inhibited neurons sit below the reset) wrap the same way.
 */
export function circularDifference(a: number, b: number): number {
  const d = Math.abs(a - b) % 1;
  return d > 0.5 ? 1 - d : d;
}
