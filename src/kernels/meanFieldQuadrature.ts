import type { GaussHermiteRule } from './gaussHermite.js';
import { gaussHermite } from './gaussHermite.js';

/**
 * Nodes of the default rule for the deep-network mean-field integrals. The integrands tanh²(√q·z) and
 * sech⁴(√q·z) have poles at distance π/(2√q) from the real axis, which limits Gauss–Hermite convergence for large
 * q. With 300 nodes the 1-d integrals are within ~1e-8 for q ≤ 5, which places the critical σ_w within 1e-9 for
 * σ_b ≤ 1 (where q* ≤ 3.1; checked against 700 nodes), and the double sum of the correlation map stays at 9·10⁴ terms.
 */
export const MEAN_FIELD_NODES = 300;

let cached: GaussHermiteRule | undefined;

/** The shared default rule, built on first use (its arrays must not be modified). */
export function meanFieldRule(): GaussHermiteRule {
  cached ??= gaussHermite(MEAN_FIELD_NODES);
  return cached;
}
