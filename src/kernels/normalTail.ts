/**
 * H(x) = P(Z > x) for a standard normal Z, i.e. ½·erfc(x/√2), by the Chebyshev approximation of erfc in Press et
 * al., Numerical Recipes §6.2 (fractional error below 1.2·10⁻⁷ everywhere), so both tails keep relative precision.
 */
export function normalTail(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  if (x === 0) return 0.5;
  return x > 0 ? 0.5 * erfc : 1 - 0.5 * erfc;
}
