/** The draws a Gaussian coupling needs: the named streams' `RandomStream` satisfies it. */
export interface NormalSource {
  normal(): number;
}

/**
 * The dense coupling of the Sompolinsky–Crisanti–Sommers (1988) random network: J_ij = g·z_ij/√N with z_ij standard
 * normal, so J_ij ~ N(0, g²/N), and no self-coupling (J_ii = 0, drawn nothing for). Row-major (`J[i * n + j]`, input
 * to i from j), drawn row by row; the same stream gives the same z for every g, so sweeps over g reuse one network.
 */
export function gaussianCoupling(n: number, g: number, random: NormalSource): Float64Array {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`gaussianCoupling: expected an integer size ≥ 1, got ${n}`);
  if (!(g >= 0 && Number.isFinite(g))) throw new RangeError(`gaussianCoupling: expected a finite gain g ≥ 0, got ${g}`);
  const coupling = new Float64Array(n * n);
  const scale = g / Math.sqrt(n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) if (j !== i) coupling[row + j] = scale * random.normal();
  }
  return coupling;
}
