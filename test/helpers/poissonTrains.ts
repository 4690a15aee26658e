/**
 * Reference spike trains with known statistics, for tests of population measures against theory.
 * All draws come from seedrandom with a fixed seed, so every train is reproducible.
 */
import seedrandom from 'seedrandom';
import type { SpikeTrain } from './spikeTrains.js';

export interface PoissonPopulationOptions {
  readonly size: number;
  /** Mean rate per neuron in Hz. */
  readonly rate: number;
  /** Recording [0, duration) in seconds. */
  readonly duration: number;
  readonly seed: string;
  /** Sinusoidal modulation: rate·(1 + depth·sin(2π·frequency·t)), the same for every neuron. */
  readonly modulation?: { readonly frequency: number; readonly depth: number };
}

/** Independent (possibly inhomogeneous) Poisson neurons, by thinning a homogeneous process at the peak rate. */
export function poissonPopulation(options: PoissonPopulationOptions): SpikeTrain {
  const { size, rate, duration, modulation } = options;
  const random = seedrandom(options.seed);
  const peak = rate * (1 + (modulation?.depth ?? 0));
  const spikes: [number, number][] = [];
  for (let n = 0; n < size; n++) {
    for (let t = -Math.log(1 - random()) / peak; t < duration; t += -Math.log(1 - random()) / peak) {
      const intensity = modulation ? rate * (1 + modulation.depth * Math.sin(2 * Math.PI * modulation.frequency * t)) : rate;
      if (random() * peak < intensity) spikes.push([t, n]);
    }
  }
  return sortedTrain(size, duration, spikes);
}

/** Every neuron fires at the same times: one Poisson train at `rate` copied to all `size` neurons. */
export function synchronousPopulation(size: number, rate: number, duration: number, seed: string): SpikeTrain {
  const random = seedrandom(seed);
  const spikes: [number, number][] = [];
  for (let t = -Math.log(1 - random()) / rate; t < duration; t += -Math.log(1 - random()) / rate) {
    for (let n = 0; n < size; n++) spikes.push([t, n]);
  }
  return sortedTrain(size, duration, spikes);
}

function sortedTrain(size: number, duration: number, spikes: [number, number][]): SpikeTrain {
  spikes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    size,
    t0: 0,
    t1: duration,
    neuron: Int32Array.from(spikes, (s) => s[1]),
    t: Float64Array.from(spikes, (s) => s[0]),
  };
}
