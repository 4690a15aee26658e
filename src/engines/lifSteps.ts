/**
 * The state-update + threshold loops of a LIF population, one loop per case (delta or exponential synapse ×
 * with or without noise × with or without refractoriness) so that no case is tested inside a loop.
 * Every loop applies the propagator of `lifPropagator` to neurons [start, end) of the global arrays:
 *   V ← V∞ + decay·(V − V∞) (+ current·I_syn) (+ noise·ξ),  I_syn ← synapticDecay·I_syn,
 * with V∞ = vInf[i] + shift (shift: the timed-array input of this step), then tests V > threshold and appends the
 * neuron to `spiking`. Refractory variants follow Brian2's `(unless refractory)`: a neuron that spiked at step s
 * keeps its V (no update, no threshold) until step s + refractorySteps; I_syn keeps decaying.
 * Each returns the new spike count.
 */

import { invertStraddling, type DiscreteTable } from '../kernels/discreteInversion.js';

export interface LifStepArrays {
  readonly V: Float64Array;
  readonly I: Float64Array;
  readonly vInf: Float64Array;
  readonly lastSpike: Int32Array;
  /** Standard normals for this step, indexed like V (filled only for noisy populations). */
  readonly normals: Float64Array;
  readonly spiking: Int32Array;
}

export interface LifStepConstants {
  readonly start: number;
  readonly end: number;
  readonly decay: number;
  readonly current: number;
  readonly synapticDecay: number;
  readonly noise: number;
  readonly threshold: number;
  readonly refractorySteps: number;
}

export function stepDelta(a: LifStepArrays, c: LifStepConstants, shift: number, count: number): number {
  const { V, vInf, spiking } = a;
  const { end, decay, threshold } = c;
  for (let i = c.start; i < end; i++) {
    const target = vInf[i] + shift;
    const v = target + decay * (V[i] - target);
    V[i] = v;
    if (v > threshold) spiking[count++] = i;
  }
  return count;
}

export function stepDeltaRefractory(a: LifStepArrays, c: LifStepConstants, shift: number, count: number, step: number): number {
  const { V, vInf, lastSpike, spiking } = a;
  const { end, decay, threshold, refractorySteps } = c;
  for (let i = c.start; i < end; i++) {
    if (step - lastSpike[i] < refractorySteps) continue;
    const target = vInf[i] + shift;
    const v = target + decay * (V[i] - target);
    V[i] = v;
    if (v > threshold) {
      spiking[count++] = i;
      lastSpike[i] = step;
    }
  }
  return count;
}

export function stepDeltaNoise(a: LifStepArrays, c: LifStepConstants, shift: number, count: number): number {
  const { V, vInf, normals, spiking } = a;
  const { end, decay, noise, threshold } = c;
  for (let i = c.start; i < end; i++) {
    const target = vInf[i] + shift;
    const v = target + decay * (V[i] - target) + noise * normals[i];
    V[i] = v;
    if (v > threshold) spiking[count++] = i;
  }
  return count;
}

export function stepDeltaNoiseRefractory(a: LifStepArrays, c: LifStepConstants, shift: number, count: number, step: number): number {
  const { V, vInf, normals, lastSpike, spiking } = a;
  const { end, decay, noise, threshold, refractorySteps } = c;
  for (let i = c.start; i < end; i++) {
    if (step - lastSpike[i] < refractorySteps) continue;
    const target = vInf[i] + shift;
    const v = target + decay * (V[i] - target) + noise * normals[i];
    V[i] = v;
    if (v > threshold) {
      spiking[count++] = i;
      lastSpike[i] = step;
    }
  }
  return count;
}

export function stepExponential(a: LifStepArrays, c: LifStepConstants, shift: number, count: number): number {
  const { V, I, vInf, spiking } = a;
  const { end, decay, current, synapticDecay, threshold } = c;
  for (let i = c.start; i < end; i++) {
    const target = vInf[i] + shift;
    const s = I[i];
    const v = target + decay * (V[i] - target) + current * s;
    V[i] = v;
    I[i] = synapticDecay * s;
    if (v > threshold) spiking[count++] = i;
  }
  return count;
}

export function stepExponentialRefractory(a: LifStepArrays, c: LifStepConstants, shift: number, count: number, step: number): number {
  const { V, I, vInf, lastSpike, spiking } = a;
  const { end, decay, current, synapticDecay, threshold, refractorySteps } = c;
  for (let i = c.start; i < end; i++) {
    const s = I[i];
    I[i] = synapticDecay * s;
    if (step - lastSpike[i] < refractorySteps) continue;
    const target = vInf[i] + shift;
    const v = target + decay * (V[i] - target) + current * s;
    V[i] = v;
    if (v > threshold) {
      spiking[count++] = i;
      lastSpike[i] = step;
    }
  }
  return count;
}

export function stepExponentialNoise(a: LifStepArrays, c: LifStepConstants, shift: number, count: number): number {
  const { V, I, vInf, normals, spiking } = a;
  const { end, decay, current, synapticDecay, noise, threshold } = c;
  for (let i = c.start; i < end; i++) {
    const target = vInf[i] + shift;
    const s = I[i];
    const v = target + decay * (V[i] - target) + current * s + noise * normals[i];
    V[i] = v;
    I[i] = synapticDecay * s;
    if (v > threshold) spiking[count++] = i;
  }
  return count;
}

export function stepExponentialNoiseRefractory(a: LifStepArrays, c: LifStepConstants, shift: number, count: number, step: number): number {
  const { V, I, vInf, normals, lastSpike, spiking } = a;
  const { end, decay, current, synapticDecay, noise, threshold, refractorySteps } = c;
  for (let i = c.start; i < end; i++) {
    const s = I[i];
    I[i] = synapticDecay * s;
    if (step - lastSpike[i] < refractorySteps) continue;
    const target = vInf[i] + shift;
    const v = target + decay * (V[i] - target) + current * s + noise * normals[i];
    V[i] = v;
    if (v > threshold) {
      spiking[count++] = i;
      lastSpike[i] = step;
    }
  }
  return count;
}

/** Adds the inputs arriving this step (`ring[row + i]`) to `target[i]` and clears them. */
export function drainArrivals(target: Float64Array, ring: Float64Array, row: number, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const j = row + i;
    target[i] += ring[j];
    ring[j] = 0;
  }
}

/**
 * Like `drainArrivals`, but inputs to a neuron in its refractory period are discarded: Brian2 makes every write
 * to an `(unless refractory)` variable conditional on `not_refractory`, including synaptic ones.
 */
export function drainArrivalsUnlessRefractory(
  target: Float64Array,
  ring: Float64Array,
  row: number,
  start: number,
  end: number,
  lastSpike: Int32Array,
  step: number,
  refractorySteps: number,
): void {
  for (let i = start; i < end; i++) {
    const j = row + i;
    if (step - lastSpike[i] >= refractorySteps) target[i] += ring[j];
    ring[j] = 0;
  }
}

/**
 * `drainArrivals` fused with the external Poisson input: neuron i also receives `weight ×` a count drawn from
 * `table` by inverting `words[i]` (see `addDiscreteSamples`). One pass instead of two, because this loop runs for
 * every neuron at every step.
 */
export function drainArrivalsWithCounts(
  target: Float64Array,
  ring: Float64Array,
  row: number,
  start: number,
  end: number,
  words: Uint32Array,
  table: DiscreteTable,
  weight: number,
  refine: () => number,
): void {
  const { cdf, guide, first } = table;
  const shift = 32 - table.guideBits;
  for (let i = start; i < end; i++) {
    const word = words[i];
    let k = guide[word >>> shift];
    if (k < 0) k = invertStraddling(cdf, -k - 1, word, refine);
    const j = row + i;
    target[i] += ring[j] + weight * (first + k);
    ring[j] = 0;
  }
}

/** `drainArrivalsWithCounts` for a refractory population: input to a refractory neuron is discarded. */
export function drainArrivalsWithCountsUnlessRefractory(
  target: Float64Array,
  ring: Float64Array,
  row: number,
  start: number,
  end: number,
  words: Uint32Array,
  table: DiscreteTable,
  weight: number,
  refine: () => number,
  lastSpike: Int32Array,
  step: number,
  refractorySteps: number,
): void {
  const { cdf, guide, first } = table;
  const shift = 32 - table.guideBits;
  for (let i = start; i < end; i++) {
    const j = row + i;
    if (step - lastSpike[i] >= refractorySteps) {
      const word = words[i];
      let k = guide[word >>> shift];
      if (k < 0) k = invertStraddling(cdf, -k - 1, word, refine);
      target[i] += ring[j] + weight * (first + k);
    }
    ring[j] = 0;
  }
}
