import seedrandom from 'seedrandom';
import type { Xor4096State } from './xor4096Next.js';

/** Serializable generator state, for checkpoints. */
export interface RandomStreamState {
  readonly name: string;
  readonly generator: unknown;
  readonly spareNormal: number | null;
}

interface Xor4096 {
  (): number;
  state(): unknown;
}

const xor4096 = (seedrandom as unknown as { xor4096: (seed: string, options: { state: unknown }) => Xor4096 }).xor4096;

/**
 * One named random stream: xor4096 (Brent 2006) seeded from `master seed + name`, so streams never share draws
 * and adding a consumer of one stream cannot shift any other.
 */
export class RandomStream {
  readonly name: string;
  private readonly key: string;
  private next: Xor4096;
  private spareNormal = NaN;

  constructor(seed: number | string, name: string, state?: RandomStreamState) {
    this.name = name;
    this.key = `spikeflow/${seed}/${name}`;
    this.next = xor4096(this.key, { state: state ? (state.generator as object) : true });
    if (state && state.spareNormal !== null) this.spareNormal = state.spareNormal;
  }

  /**
   * Lends the generator's state to `use`, which steps it with `xor4096Next` (word / 2³² = the next `uniform()`);
   * the stream then continues exactly after the last word drawn. A hot loop drawing millions of variates saves
   * the call chain of seedrandom's closure on every draw.
   */
  borrowState<T>(use: (state: Xor4096State) => T): T {
    const saved = this.next.state() as { X: number[]; i: number; w: number };
    const state: Xor4096State = { X: Int32Array.from(saved.X), i: saved.i, w: saved.w };
    try {
      return use(state);
    } finally {
      this.next = xor4096(this.key, { state: { X: Array.from(state.X), i: state.i, w: state.w } });
    }
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.next();
  }

  /** Standard normal by Marsaglia's polar method; the second variate of each pair is kept for the next call. */
  normal(): number {
    const spare = this.spareNormal;
    if (spare === spare) {
      this.spareNormal = NaN;
      return spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const scale = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * scale;
    return u * scale;
  }

  /** Fills `out` with uniforms in [low, high). */
  fillUniform(out: Float64Array, low = 0, high = 1): Float64Array {
    const width = high - low;
    for (let i = 0; i < out.length; i++) out[i] = low + width * this.next();
    return out;
  }

  /** Fills `out` with normals of the given mean and standard deviation. */
  fillNormal(out: Float64Array, mean = 0, sd = 1): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = mean + sd * this.normal();
    return out;
  }

  /** Uniform integer in [0, n). */
  integer(n: number): number {
    return Math.floor(this.next() * n);
  }

  saveState(): RandomStreamState {
    const spare = this.spareNormal;
    return { name: this.name, generator: this.next.state(), spareNormal: spare === spare ? spare : null };
  }
}

/**
 * The named streams of one run. Ask for a stream by name (`connectivity`, `init`, `noise`, `perturbation/3`);
 * the same name always yields the same sequence for the same master seed.
 */
export class RandomStreams {
  readonly seed: number | string;
  private readonly streams = new Map<string, RandomStream>();

  constructor(seed: number | string, saved?: readonly RandomStreamState[]) {
    this.seed = seed;
    if (saved) for (const state of saved) this.streams.set(state.name, new RandomStream(seed, state.name, state));
  }

  stream(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (!stream) {
      stream = new RandomStream(this.seed, name);
      this.streams.set(name, stream);
    }
    return stream;
  }

  saveState(): RandomStreamState[] {
    return [...this.streams.values()].map((stream) => stream.saveState());
  }
}
