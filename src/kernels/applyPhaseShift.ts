import type { LifPhaseMap } from './lifPhaseMap.js';

/**
 * Shifts LIF states in phase space: out_i = φ⁻¹(φ(v_i) + shift_i), computed in closed form as
 * V' = v − (I − v)·expm1(−shift·T_free/τ_m), with no round trip through the phase.
 *
 * Phases have the domain (−∞, 1): any V < V_T. Shifting down is always valid (the neuron sits further below
 * its reset). A shift that would carry a phase to 1 or beyond — past a spike the neuron never emitted — is
 * **clamped** to just below the threshold (the largest potential below V_T, up to an ulp), so the neuron fires at
 * the first opportunity: the limit of a perturbation that pushes it onto the threshold. Clamping, rather than
 * rejecting and redrawing the direction, keeps realization k's direction the same for every ε and every state;
 * the number of clamped neurons is returned so callers can report it (with |r|₂ = 1 a component exceeds the
 * distance to threshold only for ε of order one).
 *
 * @param v potentials, each below the threshold V_T
 * @param shift phase shifts, one per neuron
 * @param out receives the shifted potentials (may be `v` itself)
 * @returns how many neurons were clamped below the threshold
 */
export function applyPhaseShift(map: LifPhaseMap, v: Float64Array, shift: Float64Array, out: Float64Array): number {
  if (shift.length !== v.length || out.length !== v.length) {
    throw new RangeError(`applyPhaseShift: expected v, shift and out of one length, got ${v.length}, ${shift.length} and ${out.length}`);
  }
  const { drive, threshold, phasePerLog } = map;
  const ceiling = threshold - Math.max(Math.abs(threshold) * Number.EPSILON, Number.MIN_VALUE);
  let clamped = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    const shifted = x - (drive - x) * Math.expm1(-shift[i] / phasePerLog);
    if (shifted > ceiling) {
      out[i] = ceiling;
      clamped++;
    } else out[i] = shifted;
  }
  return clamped;
}
