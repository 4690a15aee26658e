import type { Engine, EngineState, SpikeRecorder } from '../core/engine.js';
import { invalidParameter } from '../core/errors.js';
import { RandomStream, RandomStreams, type RandomStreamState } from '../random/stream.js';

export interface DeepTanhEngineOptions {
  /** Units per layer N. */
  readonly width: number;
  /** Inputs propagated together through the same weights ("replicas"). */
  readonly replicas: number;
  readonly sigmaW: number;
  readonly sigmaB: number;
  /** Pre-activations of layer 0, replica-major (replica r at `[r * width, (r + 1) * width)`; copied). */
  readonly h0: Float64Array;
  /** Master seed of the named streams (a string for derived seeds). */
  readonly seed: number | string;
}

/**
 * A deep random feed-forward tanh network (Poole et al. 2016) run as an engine whose steps are layers:
 * h^(l+1) = W^(l+1)·tanh(h^l) + b^(l+1), W_ij ~ N(0, σ_w²/N), b_i ~ N(0, σ_b²), with fresh weights per layer drawn
 * row by row from the `connectivity` stream (W never stored: one row at a time is applied to every replica).
 * Several inputs (replicas) share the weights, so their correlation across layers is what the c-map predicts.
 * `dt` is 1: step l holds layer l. Variable `h`: all replicas' pre-activations, replica-major. No spikes.
 */
export class DeepTanhEngine implements Engine {
  readonly size: number;
  readonly dt = 1;
  readonly variables = ['h'] as const;
  readonly width: number;
  readonly replicas: number;
  step = 0;
  private readonly sigmaW: number;
  private readonly sigmaB: number;
  private readonly seed: number | string;
  private h: Float64Array;
  private next: Float64Array;
  private readonly activity: Float64Array;
  private readonly row: Float64Array;
  private weights: RandomStream;

  constructor(options: DeepTanhEngineOptions) {
    const { width, replicas, sigmaW, sigmaB, h0, seed } = options;
    if (!(Number.isInteger(width) && width >= 1)) throw invalidParameter('width', width, 'an integer ≥ 1');
    if (!(Number.isInteger(replicas) && replicas >= 1)) throw invalidParameter('replicas', replicas, 'an integer ≥ 1');
    if (!(sigmaW >= 0 && sigmaB >= 0 && Number.isFinite(sigmaW) && Number.isFinite(sigmaB))) {
      throw invalidParameter('sigma-w, sigma-b', `${sigmaW}, ${sigmaB}`, 'finite σ_w ≥ 0 and σ_b ≥ 0');
    }
    if (h0.length !== width * replicas) throw invalidParameter('h0', `${h0.length} values`, `width × replicas = ${width * replicas}`);
    this.width = width;
    this.replicas = replicas;
    this.size = width * replicas;
    this.sigmaW = sigmaW;
    this.sigmaB = sigmaB;
    this.seed = seed;
    this.h = Float64Array.from(h0);
    this.next = new Float64Array(this.size);
    this.activity = new Float64Array(this.size);
    this.row = new Float64Array(width);
    this.weights = new RandomStreams(seed).stream('connectivity');
  }

  variable(name: string): Float64Array {
    if (name !== 'h') throw invalidParameter('record', name, 'a variable of the deep tanh network: h');
    return this.h;
  }

  advance(steps: number, _spikes: SpikeRecorder): void {
    const { width, replicas, size, activity, row, weights } = this;
    const weightScale = this.sigmaW / Math.sqrt(width);
    const end = this.step + steps;
    for (let layer = this.step; layer < end; layer++) {
      const h = this.h;
      const next = this.next;
      for (let k = 0; k < size; k++) activity[k] = Math.tanh(h[k]);
      for (let i = 0; i < width; i++) {
        for (let j = 0; j < width; j++) row[j] = weightScale * weights.normal();
        const bias = this.sigmaB * weights.normal();
        for (let r = 0; r < replicas; r++) {
          const base = r * width;
          let sum = bias;
          for (let j = 0; j < width; j++) sum += row[j] * activity[base + j];
          next[base + i] = sum;
        }
      }
      this.next = h;
      this.h = next;
    }
    this.step = end;
  }

  saveState(): EngineState {
    return { step: this.step, arrays: { h: Float64Array.from(this.h) }, values: { weights: this.weights.saveState() } };
  }

  restoreState(state: EngineState): void {
    this.h.set(state.arrays.h as Float64Array);
    this.weights = new RandomStream(this.seed, 'connectivity', state.values.weights as RandomStreamState);
    this.step = state.step;
  }
}
