/** Integration methods of the linear LIF family. */
export type IntegrationMethod = 'exact' | 'euler' | 'rk4' | 'euler-maruyama';

/**
 * One step of a linear LIF neuron with an optional exponential synaptic current, written as
 *   V ← V∞ + decay·(V − V∞) + current·I_syn + noise·ξ,   I_syn ← synapticDecay·I_syn,
 * where V∞ = E_L + I/g_L holds the input current I constant over the step and ξ ~ N(0, 1).
 */
export interface LifPropagator {
  readonly decay: number;
  /** Volts per ampere of synaptic current at the start of the step; 0 without a synaptic current. */
  readonly current: number;
  readonly synapticDecay: number;
  /** Standard deviation of the noise increment of V. */
  readonly noise: number;
}

export interface LifPropagatorOptions {
  readonly method: IntegrationMethod;
  readonly dt: number;
  /** Membrane time constant τ_m = C_m/g_L. */
  readonly tauM: number;
  /** Membrane capacitance C_m; needed only with a synaptic current. */
  readonly capacitance?: number;
  /** Synaptic time constant τ_syn of dI_syn/dt = −I_syn/τ_syn; absent for delta synapses. */
  readonly tauSyn?: number;
  /** σ of the white-noise term σ·√(2/τ_m)·ξ(t) in dV/dt; 0 or absent for a deterministic neuron. */
  readonly sigma?: number;
}

/**
 * Propagator coefficients of the linear system x' = A(x − x∞), x = (V, I_syn), A = [[−1/τ_m, 1/C_m], [0, −1/τ_syn]],
 * over one step h. Every method is a polynomial or exponential of M = A·h, because for a linear system with input
 * held over the step each scheme reduces to one: forward Euler is I + M, classical RK4 the degree-4 Taylor polynomial
 * of e^M, and `exact` is e^M itself (Rotter & Diesmann 1999), with expm1 so that τ_syn → τ_m stays accurate.
 * Noise: Euler–Maruyama adds σ·√(2h/τ_m)·ξ; `exact` with noise is the exact Ornstein–Uhlenbeck transition,
 * σ·√(1 − e^(−2h/τ_m))·ξ. Euler and RK4 are deterministic schemes and refuse a noise term.
 */
export function lifPropagator(options: LifPropagatorOptions): LifPropagator {
  const { method, dt, tauM } = options;
  const sigma = options.sigma ?? 0;
  if (!(dt > 0 && tauM > 0)) throw new RangeError(`lifPropagator: expected dt > 0 and tauM > 0, got ${dt} and ${tauM}`);
  if (sigma !== 0 && (method === 'euler' || method === 'rk4')) {
    throw new RangeError(`lifPropagator: ${method} is a deterministic scheme; use euler-maruyama or exact for a noisy neuron`);
  }
  const h = dt / tauM;
  const hasSynapse = options.tauSyn !== undefined;
  const tauSyn = options.tauSyn ?? Infinity;
  const inverseC = hasSynapse ? 1 / requirePositive(options.capacitance, 'capacitance') : 0;
  if (hasSynapse && !(tauSyn > 0)) throw new RangeError(`lifPropagator: expected tauSyn > 0, got ${tauSyn}`);
  const a = -h;
  const b = dt * inverseC;
  const c = hasSynapse ? -dt / tauSyn : 0;
  switch (method) {
    case 'exact': {
      const x = 1 / tauM - 1 / tauSyn;
      const coupling = x === 0 || !hasSynapse ? dt : Math.expm1(dt * x) / x;
      return {
        decay: Math.exp(a),
        current: hasSynapse ? Math.exp(a) * coupling * inverseC : 0,
        synapticDecay: hasSynapse ? Math.exp(c) : 0,
        noise: sigma * Math.sqrt(-Math.expm1(-2 * h)),
      };
    }
    case 'euler':
    case 'euler-maruyama':
      return { decay: 1 + a, current: b, synapticDecay: hasSynapse ? 1 + c : 0, noise: sigma * Math.sqrt(2 * h) };
    case 'rk4': {
      // Taylor polynomial of degree 4 of the upper-triangular M = [[a, b], [0, c]], accumulated term by term
      let t11 = 1, t12 = 0, t22 = 1;
      let p11 = 1, p12 = 0, p22 = 1;
      for (let k = 1; k <= 4; k++) {
        const n11 = (t11 * a) / k;
        const n12 = (t11 * b + t12 * c) / k;
        const n22 = (t22 * c) / k;
        t11 = n11;
        t12 = n12;
        t22 = n22;
        p11 += t11;
        p12 += t12;
        p22 += t22;
      }
      return { decay: p11, current: p12, synapticDecay: hasSynapse ? p22 : 0, noise: 0 };
    }
    default:
      throw new RangeError(`lifPropagator: unknown method ${String(method)}`);
  }
}

function requirePositive(value: number | undefined, name: string): number {
  if (!(value !== undefined && value > 0)) throw new RangeError(`lifPropagator: expected ${name} > 0, got ${value}`);
  return value;
}
