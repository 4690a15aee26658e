import type { GaussHermiteRule } from './gaussHermite.js';
import { gaussHermite } from './gaussHermite.js';

/**
 * Nodes of the default rule for the deep-network mean-field integrals. The integrands tanh²(√q·z) and sech⁴(√q·z)
 * have poles π/(2√q) off the real axis, which slows Gauss–Hermite convergence as q grows. With 300 nodes the 1-d
 * integrals are within ~1e-10 (relative) for q ≤ 3, 1e-7 at q = 5 and 1e-4 at q = 17; the critical σ_w is within
 * 1e-9 for σ_b ≤ 1 (q* ≤ 3.1; checked against 700 nodes). The correlation map's double sum stays at 9·10⁴ terms.
 * Pass `gaussHermite(700)` to the mean-field functions for large σ_w.
 */
export const MEAN_FIELD_NODES = 300;

let cached: GaussHermiteRule | undefined;

/** The shared default rule, built on first use (its arrays must not be modified). */
export function meanFieldRule(): GaussHermiteRule {
  cached ??= gaussHermite(MEAN_FIELD_NODES);
  return cached;
}
