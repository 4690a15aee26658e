export interface LifSpikeTimesOptions {
  /** Initial potential (below the threshold). */
  readonly v0: number;
  /** Steady-state potential V∞ = E_L + I/g_L under the constant current. */
  readonly vInf: number;
  readonly threshold: number;
  readonly reset: number;
  readonly tauM: number;
  /** Absolute refractory period added to every interval after the first spike (default 0). */
  readonly refractory?: number;
  /** Spikes at or after this time are left out. */
  readonly duration: number;
}

/**
 * Closed-form spike times of a LIF neuron under a constant current: V(t) = V∞ + (V₀ − V∞)·e^(−t/τ) reaches θ at
 * t₁ = τ·ln((V∞ − V₀)/(V∞ − θ)), and every later spike follows after the period τ_ref + τ·ln((V∞ − V_r)/(V∞ − θ)).
 * With V∞ ≤ θ the neuron never fires (empty result).
 */
export function lifSpikeTimes(options: LifSpikeTimesOptions): Float64Array {
  const { v0, vInf, threshold, reset, tauM, duration } = options;
  const refractory = options.refractory ?? 0;
  if (!(tauM > 0)) throw new RangeError(`lifSpikeTimes: expected tauM > 0, got ${tauM}`);
  if (!(v0 < threshold && reset < threshold)) throw new RangeError('lifSpikeTimes: expected the initial and reset potentials below the threshold');
  if (!(vInf > threshold)) return new Float64Array(0);
  const first = tauM * Math.log((vInf - v0) / (vInf - threshold));
  const period = refractory + tauM * Math.log((vInf - reset) / (vInf - threshold));
  const times: number[] = [];
  for (let t = first, k = 1; t < duration; t = first + k * period, k++) times.push(t);
  return Float64Array.from(times);
}
