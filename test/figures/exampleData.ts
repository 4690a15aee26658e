/** Deterministic synthetic inputs for figure tests: small, fast, and shaped like real spikeflow outputs. */
import seedrandom from 'seedrandom';

export function poissonRaster(neurons: number, rateHz: number, seconds: number, seed: string) {
  const random = seedrandom(seed);
  const neuron: number[] = [];
  const t: number[] = [];
  for (let n = 0; n < neurons; n++) {
    let s = -Math.log(1 - random()) / rateHz;
    while (s < seconds) {
      neuron.push(n);
      t.push(s);
      s += -Math.log(1 - random()) / rateHz;
    }
  }
  return { neuron: Int32Array.from(neuron), t: Float64Array.from(t) };
}

/** Leaky integrate-and-fire membrane potential (mV) under noisy drive, sampled every `dt` seconds. */
export function lifTrace(samples: number, dt: number, seed: string) {
  const random = seedrandom(seed);
  const t = new Float64Array(samples);
  const v = new Float64Array(samples);
  const spikes: number[] = [];
  let potential = -65;
  for (let i = 0; i < samples; i++) {
    t[i] = i * dt;
    const drive = 17 + 6 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    potential += (dt / 0.02) * (-65 - potential + drive);
    if (potential >= -50) {
      spikes.push(t[i]);
      potential = -65;
    }
    v[i] = potential;
  }
  return { t, v, spikes: Float64Array.from(spikes) };
}

export function logNormal(count: number, mu: number, sigma: number, seed: string): Float64Array {
  const random = seedrandom(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    out[i] = Math.exp(mu + sigma * z);
  }
  return out;
}
