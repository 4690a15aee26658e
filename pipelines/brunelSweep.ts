import { Subject } from 'rxjs';
import type { Frame } from '../src/core/frame.js';
import type { ParamValues } from '../src/core/params.js';
import { runFrames } from '../src/core/run.js';
import type { BrunelState } from '../src/kernels/classifyBrunelState.js';
import { brunelConfig, type BrunelConnectivity } from '../src/models/brunel.js';
import type { Csr } from '../src/network/csr.js';
import { shareTypedArray } from '../src/pool/pool.js';
import { analyseBrunel, createBrunelEngine } from './brunel.js';

/** What every worker of a sweep shares: the base parameters and the connectivity on shared memory. */
export interface BrunelSweepShared {
  readonly values: ParamValues;
  readonly connectivity: BrunelConnectivity;
  readonly dt: number;
  readonly seed: number;
  readonly duration: number;
  readonly transient: number;
  readonly segment: number;
}

export interface BrunelPointTask {
  readonly g: number;
  readonly eta: number;
}

export interface BrunelPointResult {
  readonly g: number;
  readonly eta: number;
  readonly state: BrunelState;
  readonly meanRate: number;
  readonly meanCv: number;
  readonly rateE: number;
  readonly rateI: number;
  readonly chi: number;
  readonly peakFrequency: number;
  readonly peakToMedian: number;
  readonly wallSeconds: number;
}

/** The connectivity moved onto SharedArrayBuffers, so workers read one copy instead of one per task. */
export function shareConnectivity(connectivity: BrunelConnectivity): BrunelConnectivity {
  const share = (csr: Csr): Csr => ({ size: csr.size, offsets: shareTypedArray(csr.offsets), targets: shareTypedArray(csr.targets) });
  return {
    'E->E': share(connectivity['E->E']),
    'E->I': share(connectivity['E->I']),
    'I->E': share(connectivity['I->E']),
    'I->I': share(connectivity['I->I']),
  };
}

/**
 * Simulates one (g, η) point and returns its statistics and state. Every point uses the same seed, hence the
 * same connectivity, initial potentials and random streams: the grid differs only in g and η, and a point's
 * result does not depend on which worker ran it or how many there are.
 */
export async function runBrunelPoint(shared: BrunelSweepShared, task: BrunelPointTask): Promise<BrunelPointResult> {
  const started = performance.now();
  const config = brunelConfig({ ...shared.values, g: task.g, eta: task.eta });
  const engine = createBrunelEngine(config, { dt: shared.dt, seed: shared.seed, connectivity: shared.connectivity });
  const frames = new Subject<Frame>();
  const analysis = analyseBrunel(frames, config, { transient: shared.transient, duration: shared.duration, segment: shared.segment });
  for await (const frame of runFrames(engine, { duration: shared.duration, chunk: 0.05 })) frames.next(frame);
  frames.complete();
  const stats = await analysis;
  return {
    g: task.g,
    eta: task.eta,
    state: stats.state,
    meanRate: stats.meanRate,
    meanCv: stats.meanCv,
    rateE: stats.rateE,
    rateI: stats.rateI,
    chi: stats.chi,
    peakFrequency: stats.peakFrequency,
    peakToMedian: stats.peakToMedian,
    wallSeconds: (performance.now() - started) / 1000,
  };
}
