import { SpikeRecorder } from '../core/engine.js';
import { invalidParameter } from '../core/errors.js';
import type { ParamSpec } from '../core/params.js';
import type { BalancedLifConfig } from '../models/balancedLif.js';
import { balancedLifDrive, balancedLifInitialState, balancedLifNetwork } from '../models/balancedLif.js';
import type { Csr } from '../network/csr.js';
import { RandomStreams } from '../random/stream.js';
import { createBalancedLifEngine } from './balancedLifEngine.js';

/** The `--target-rate` flag: unset keeps the model's drive. */
export const targetRateParam: ParamSpec = {
  name: 'target-rate',
  kind: 'number',
  dimension: 'frequency',
  min: 0,
  displayUnit: 'Hz',
  description: 'tune the drive I by bisection on short runs until the mean rate is this (as Monteforte & Wolf do); unset keeps I = √K·ν̄·J₀·τ_m (+V_T)',
};

export interface DriveTuningOptions {
  readonly targetRate: number;
  readonly dt: number;
  readonly seed: number;
  /** The network to tune on; default the model's own from the seed's `connectivity` stream. */
  readonly network?: Csr;
  /** Start of every trial run; default the model's `init` state. */
  readonly v0?: Float64Array;
  readonly engine?: 'clock' | 'event';
  /** Simulated seconds discarded before measuring (default 0.2 s: 20 τ_m at the defaults). */
  readonly transient?: number;
  /** Simulated seconds over which the mean rate is measured (default 0.5 s). */
  readonly window?: number;
  /** Accepted relative error of the mean rate (default 0.01). */
  readonly tolerance?: number;
  /** Most trial runs (default 40). */
  readonly maxRuns?: number;
}

export interface DriveTuning {
  readonly drive: number;
  /** The mean rate measured at `drive`, in Hz. */
  readonly rate: number;
  /** Every trial run, in order. */
  readonly trials: readonly { readonly drive: number; readonly rate: number }[];
}

/**
 * Finds the constant drive I at which the balanced LIF network fires at a target mean rate, by bisection on short
 * simulations (all from the same network and initial state, so the rate is a deterministic function of I).
 * The lower end of the bracket is I = V_T, where a neuron cannot reach its threshold and the network is silent;
 * the upper end starts at the model's drive and doubles its distance to V_T until the rate exceeds the target.
 * The mean rate grows with I in the balanced state (ν ≈ I/(√K·J₀·τ_m)), which is what bisection needs.
 *
 * @throws invalidParameter when no drive up to 2^20 times the model's reaches the target
 */
export function tuneBalancedLifDrive(config: BalancedLifConfig, options: DriveTuningOptions): DriveTuning {
  const { targetRate, dt, seed } = options;
  if (!(targetRate > 0)) throw invalidParameter('target-rate', targetRate, 'a positive rate');
  const transient = options.transient ?? 0.2;
  const window = options.window ?? 0.5;
  const tolerance = options.tolerance ?? 0.01;
  const maxRuns = options.maxRuns ?? 40;
  const streams = new RandomStreams(seed);
  const network = options.network ?? balancedLifNetwork(config, streams);
  const v0 = options.v0 ?? balancedLifInitialState(config, streams);
  const transientSteps = Math.round(transient / dt);
  const windowSteps = Math.max(1, Math.round(window / dt));
  const trials: { drive: number; rate: number }[] = [];

  const measure = (drive: number): number => {
    const engine = createBalancedLifEngine(config, { dt, seed, network, v0, drive, engine: options.engine, threads: 1 });
    const spikes = new SpikeRecorder();
    engine.advance(transientSteps, spikes);
    spikes.clear();
    let count = 0;
    // advance in slices so the recorder never holds more than one slice of spikes
    for (let done = 0; done < windowSteps; ) {
      const slice = Math.min(1000, windowSteps - done);
      engine.advance(slice, spikes);
      count += spikes.length;
      spikes.clear();
      done += slice;
    }
    const rate = count / (config.size * windowSteps * dt);
    trials.push({ drive, rate });
    return rate;
  };
  const close = (rate: number) => Math.abs(rate - targetRate) <= tolerance * targetRate;

  let low = config.threshold;
  let high = Math.max(balancedLifDrive(config), config.threshold + 1e-3 * Math.abs(config.threshold - config.reset));
  let highRate = measure(high);
  for (let doubling = 0; highRate < targetRate; doubling++) {
    if (close(highRate)) return { drive: high, rate: highRate, trials };
    if (doubling >= 20) {
      throw invalidParameter('target-rate', targetRate, `a rate this network reaches: ${highRate.toPrecision(4)} Hz at the drive I = ${high.toPrecision(4)}`);
    }
    low = high;
    high = config.threshold + 2 * (high - config.threshold);
    highRate = measure(high);
  }
  let best = { drive: high, rate: highRate };
  while (trials.length < maxRuns && !close(best.rate) && high - low > 1e-12 * high) {
    const middle = (low + high) / 2;
    const rate = measure(middle);
    if (Math.abs(rate - targetRate) < Math.abs(best.rate - targetRate)) best = { drive: middle, rate };
    if (rate < targetRate) low = middle;
    else high = middle;
  }
  return { drive: best.drive, rate: best.rate, trials };
}
