import { lastValueFrom } from 'rxjs';
import { DeepTanhEngine } from '../src/engines/deepTanhEngine.js';
import { correlationMap } from '../src/kernels/correlationMap.js';
import { lengthFixedPoint, lengthMap } from '../src/kernels/lengthMap.js';
import { replicaCorrelation } from '../src/operators/replicaCorrelation.js';
import { RandomStreams } from '../src/random/stream.js';
import { driveFrames } from './driveFrames.js';

export interface DeepPropagationOptions {
  readonly sigmaW: number;
  readonly sigmaB: number;
  readonly width: number;
  readonly depth: number;
  /** Correlation of the two inputs' pre-activations at layer 0. */
  readonly c0: number;
  readonly seed: number | string;
  /** Independent networks (and input pairs) whose measurements are averaged (default 1); trial 0 uses `seed`. */
  readonly trials?: number;
}

export interface DeepPropagation {
  /** Layers 0 … depth. */
  readonly layer: Float64Array;
  /** Measured correlation c^l of the two inputs and their squared lengths q^l (per unit). */
  readonly c: Float64Array;
  readonly q1: Float64Array;
  readonly q2: Float64Array;
  /** Mean-field prediction of c^l and q^l from the same starting point. */
  readonly cPredicted: Float64Array;
  readonly qPredicted: Float64Array;
  /** The squared length both inputs start at: q* when it is positive, else 1. */
  readonly q0: number;
}

/**
 * Two inputs whose layer-0 pre-activations have squared length q0 per unit and correlation exactly c0 (from the
 * `init` stream, orthogonalised), replica-major, for `DeepTanhEngine`.
 */
export function pairedInputs(width: number, q0: number, c0: number, seed: number | string): Float64Array {
  const random = new RandomStreams(seed).stream('init');
  const a = random.fillNormal(new Float64Array(width));
  const b = random.fillNormal(new Float64Array(width));
  const dot = (x: Float64Array, y: Float64Array) => x.reduce((sum, v, i) => sum + v * y[i], 0);
  const scaleA = Math.sqrt(width / dot(a, a));
  for (let i = 0; i < width; i++) a[i] *= scaleA;
  const along = dot(a, b) / width;
  for (let i = 0; i < width; i++) b[i] -= along * a[i];
  const scaleB = Math.sqrt(width / dot(b, b));
  for (let i = 0; i < width; i++) b[i] *= scaleB;
  const h = new Float64Array(2 * width);
  const root = Math.sqrt(q0);
  const across = Math.sqrt(Math.max(0, 1 - c0 * c0));
  for (let i = 0; i < width; i++) {
    h[i] = root * a[i];
    h[width + i] = root * (c0 * a[i] + across * b[i]);
  }
  return h;
}

/**
 * The mean-field iteration of Poole et al. (2016) for two inputs of equal length: q^(l+1) = 𝓛(q^l) (length map) and
 * c^(l+1) = (σ_w²·∫∫ tanh(u₁)tanh(u₂) + σ_b²)/q^(l+1) with u's of variance q^l and correlation c^l, which is the
 * c-map `correlationMap(c, q^l)` (normalised by q^l) rescaled by q^l/q^(l+1); at q^l = q* it is the c-map itself.
 */
export function predictedPropagation(sigmaW: number, sigmaB: number, q0: number, c0: number, depth: number): { c: Float64Array; q: Float64Array } {
  const c = new Float64Array(depth + 1);
  const q = new Float64Array(depth + 1);
  c[0] = c0;
  q[0] = q0;
  for (let l = 0; l < depth; l++) {
    q[l + 1] = lengthMap(q[l], sigmaW, sigmaB);
    const next = q[l] > 0 && q[l + 1] > 0 ? (correlationMap(c[l], q[l], sigmaW, sigmaB) * q[l]) / q[l + 1] : c[l];
    c[l + 1] = Math.min(1, Math.max(-1, next));
  }
  return { c, q };
}

/**
 * Propagates the pair through `depth` random layers (engine steps) and measures q and c at every layer by an
 * operator over the state frames, averaged over `trials` independent networks and input pairs.
 */
export async function deepPropagation(options: DeepPropagationOptions): Promise<DeepPropagation> {
  const { sigmaW, sigmaB, width, depth, c0, seed } = options;
  const trials = options.trials ?? 1;
  const qStar = lengthFixedPoint(sigmaW, sigmaB);
  const q0 = qStar > 0 ? qStar : 1;
  const layers = depth + 1;
  const c = new Float64Array(layers);
  const q1 = new Float64Array(layers);
  const q2 = new Float64Array(layers);
  for (let trial = 0; trial < trials; trial++) {
    const trialSeed = trial === 0 ? seed : `${seed}/trial/${trial}`;
    const engine = new DeepTanhEngine({ width, replicas: 2, sigmaW, sigmaB, h0: pairedInputs(width, q0, c0, trialSeed), seed: trialSeed });
    const measured = await driveFrames(
      engine,
      // depth + 1 steps so that the sampler, which reads before each step, sees layers 0 … depth
      { duration: depth + 1, chunk: 8, record: [{ variable: 'h', neurons: 'all', every: 1 }] },
      (frames) => lastValueFrom(frames.pipe(replicaCorrelation('h', { replicas: 2 }))),
    );
    for (let l = 0; l < layers; l++) {
      c[l] += measured.correlations[l] / trials;
      q1[l] += measured.lengths[2 * l] / trials;
      q2[l] += measured.lengths[2 * l + 1] / trials;
    }
  }
  const prediction = predictedPropagation(sigmaW, sigmaB, q0, c0, depth);
  return {
    layer: Float64Array.from({ length: layers }, (_, l) => l),
    c,
    q1,
    q2,
    cPredicted: prediction.c,
    qPredicted: prediction.q,
    q0,
  };
}
