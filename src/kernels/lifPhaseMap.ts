/**
 * The phase representation of a leaky integrate-and-fire neuron τ_m dV/dt = I − V with a constant
 * suprathreshold drive I > V_T > V_R (Monteforte & Wolf 2010, PRL 105:268104): the phase φ grows at the
 * constant rate 1/T_free between pulses, φ(V_R) = 0 after a reset and φ(V_T) = 1 at the threshold.
 *
 * - T_free = τ_m·ln((I − V_R)/(I − V_T)), the period of the free (unpulsed) neuron;
 * - φ(V) = (τ_m/T_free)·ln((I − V_R)/(I − V)), defined for every V < I;
 * - φ⁻¹(φ) = V_R − (I − V_R)·expm1(−φ·T_free/τ_m), defined for every real φ.
 *
 * Inhibitory pulses push V below V_R, so phases in a running network are often negative: the phase domain of
 * a neuron that has not yet reached its threshold is (−∞, 1), not [0, 1).
 */
export interface LifPhaseMap {
  readonly tauM: number;
  /** The constant drive I. */
  readonly drive: number;
  readonly threshold: number;
  readonly reset: number;
  /** T_free in seconds. */
  readonly freePeriod: number;
  /** τ_m / T_free: phase per unit of ln(I − V). */
  readonly phasePerLog: number;
}

/**
 * T_free = τ_m·ln((I − V_R)/(I − V_T)): the time a neuron driven by I alone takes from reset to threshold.
 * Infinite when the drive does not exceed the threshold.
 */
export function lifFreePeriod(tauM: number, drive: number, threshold: number, reset: number): number {
  if (!(drive > threshold)) return Infinity;
  return tauM * Math.log((drive - reset) / (drive - threshold));
}

/** Builds the phase map; throws RangeError unless τ_m > 0 and I > V_T > V_R (the map needs a firing free neuron). */
export function lifPhaseMap(parameters: { tauM: number; drive: number; threshold: number; reset: number }): LifPhaseMap {
  const { tauM, drive, threshold, reset } = parameters;
  if (!(tauM > 0 && Number.isFinite(tauM))) throw new RangeError(`lifPhaseMap: expected τ_m > 0, got ${tauM}`);
  if (!(threshold > reset)) throw new RangeError(`lifPhaseMap: expected V_T > V_R, got V_T = ${threshold}, V_R = ${reset}`);
  if (!(drive > threshold && Number.isFinite(drive))) {
    throw new RangeError(`lifPhaseMap: expected a drive I above the threshold V_T = ${threshold} (a free neuron must fire), got I = ${drive}`);
  }
  const freePeriod = lifFreePeriod(tauM, drive, threshold, reset);
  return { tauM, drive, threshold, reset, freePeriod, phasePerLog: tauM / freePeriod };
}

/**
 * φ(V) = (τ_m/T_free)·ln((I − V_R)/(I − V)), computed as a log1p so phases near the reset keep full precision.
 * NaN for V ≥ I, where the neuron has no phase.
 */
export function lifPhase(map: LifPhaseMap, v: number): number {
  const { drive, reset } = map;
  if (!(v < drive)) return NaN;
  return map.phasePerLog * Math.log1p((v - reset) / (drive - v));
}

/** φ⁻¹(φ) = V_R − (I − V_R)·expm1(−φ·T_free/τ_m), the potential at phase φ; defined for every real φ. */
export function lifPotential(map: LifPhaseMap, phase: number): number {
  return map.reset - (map.drive - map.reset) * Math.expm1(-phase / map.phasePerLog);
}

/** φ(V) elementwise into `out` (which may be `v` itself); NaN where V ≥ I. */
export function lifPhases(map: LifPhaseMap, v: Float64Array, out: Float64Array): Float64Array {
  if (out.length !== v.length) throw new RangeError(`lifPhases: expected out of length ${v.length}, got ${out.length}`);
  const { drive, reset, phasePerLog } = map;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    out[i] = x < drive ? phasePerLog * Math.log1p((x - reset) / (drive - x)) : NaN;
  }
  return out;
}

/** φ⁻¹ elementwise into `out` (which may be `phase` itself). */
export function lifPotentials(map: LifPhaseMap, phase: Float64Array, out: Float64Array): Float64Array {
  if (out.length !== phase.length) throw new RangeError(`lifPotentials: expected out of length ${phase.length}, got ${out.length}`);
  const { drive, reset, phasePerLog } = map;
  const span = drive - reset;
  for (let i = 0; i < phase.length; i++) out[i] = reset - span * Math.expm1(-phase[i] / phasePerLog);
  return out;
}
