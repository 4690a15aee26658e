/**
 * A deliberately naive exact simulation of a LIF network with instantaneous pulses, in V itself:
 * every event advances all potentials analytically, so it shares no representation with EventLifEngine and
 * serves as its reference. It also finds the first order-ambiguous pulse: one that reaches a neuron within
 * `window` of that neuron's own threshold crossing (before or after it), where a clock grid may merge both
 * events into one step and execute them in the other order.
 */
import type { Csr } from '../../src/index.js';

export interface ReferenceLifOptions {
  readonly csr: Csr;
  readonly v0: Float64Array;
  readonly tauM: number;
  readonly drive: number;
  readonly threshold: number;
  readonly reset: number;
  /** Pulse size when the CSR has no per-synapse weights. */
  readonly weight: number;
  /** Simulated time (s); spikes at times < duration are returned. */
  readonly duration: number;
  /** Ambiguity window (s); 0 disables the search. */
  readonly window?: number;
  /** Stop at the first ambiguous pulse (for scaling studies). */
  readonly stopAtAmbiguity?: boolean;
}

export interface ReferenceLifRun {
  readonly neuron: number[];
  readonly t: number[];
  /** Time of the first order-ambiguous pulse, or Infinity if none before `duration`. */
  readonly firstAmbiguity: number;
}

export function referenceLifRun(options: ReferenceLifOptions): ReferenceLifRun {
  const { csr, tauM, drive, threshold, reset, duration } = options;
  const window = options.window ?? 0;
  const size = csr.size;
  const V = Float64Array.from(options.v0);
  const lastSpike = new Float64Array(size).fill(-Infinity);
  const neuron: number[] = [];
  const t: number[] = [];
  let firstAmbiguity = Infinity;
  let now = 0;
  const timeToThreshold = (v: number): number =>
    v >= threshold ? 0 : drive > threshold ? tauM * Math.log((drive - v) / (drive - threshold)) : Infinity;
  for (;;) {
    // earliest crossing; neurons already at or above threshold fire most depolarised first, ties by index
    let next = -1;
    let wait = Infinity;
    for (let i = 0; i < size; i++) {
      const w = timeToThreshold(V[i]);
      if (w < wait || (w === 0 && wait === 0 && V[i] > V[next])) {
        wait = w;
        next = i;
      }
    }
    if (next < 0 || now + wait >= duration) break;
    now += wait;
    const decay = Math.exp(-wait / tauM);
    for (let i = 0; i < size; i++) V[i] = drive - (drive - V[i]) * decay;
    neuron.push(next);
    t.push(now);
    lastSpike[next] = now;
    for (let k = csr.offsets[next]; k < csr.offsets[next + 1]; k++) {
      const target = csr.targets[k];
      if (window > 0 && firstAmbiguity === Infinity && target !== next) {
        if (timeToThreshold(V[target]) < window || now - lastSpike[target] < window) firstAmbiguity = now;
      }
      V[target] += csr.weights ? csr.weights[k] : options.weight;
    }
    V[next] = reset;
    if (options.stopAtAmbiguity && firstAmbiguity < Infinity) break;
  }
  return { neuron, t, firstAmbiguity };
}
