import type { UniformSource } from './fixedInDegreeProjection.js';

/**
 * A dense weight matrix, presynaptic-major (`weights[pre * postSize + post]`), with entries scale·U(0, 1)
 * (Izhikevich 2003: 0.5·rand for excitatory, −rand for inhibitory rows). Every pair is connected.
 */
export function denseRandomWeights(preSize: number, postSize: number, scale: number, random: UniformSource): Float64Array {
  const weights = new Float64Array(preSize * postSize);
  for (let k = 0; k < weights.length; k++) weights[k] = scale * random.uniform();
  return weights;
}
