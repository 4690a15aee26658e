/**
 * Connectivity in compressed sparse rows by presynaptic neuron:
 * the targets of neuron `i` are `targets[offsets[i] .. offsets[i + 1])`.
 * Targets use the narrowest unsigned type that fits N, because delivery is bound by memory traffic.
 */
export interface Csr {
  readonly size: number;
  readonly offsets: Int32Array;
  readonly targets: Uint16Array | Int32Array;
  /** Per-synapse weights, aligned with `targets`; absent when all synapses share one weight. */
  readonly weights?: Float64Array;
  /** Set by generators whose rows are increasing in target, so that consumers need not check (`splitByTargets`). */
  readonly sortedRows?: boolean;
}

export function synapseCount(csr: Csr): number {
  return csr.offsets[csr.size];
}
