import { runScs } from '../pipelines/scsRun.js';
import type { RateChaosPoint, RateChaosTask } from './rateChaosSweep.js';

/** Worker-pool entry: λ_max of one (N, g, realization) of the SCS network; everything it depends on is in the task. */
export default async function run(task: RateChaosTask): Promise<RateChaosPoint> {
  const result = await runScs({
    n: task.n,
    g: task.g,
    seed: task.seed,
    duration: task.duration,
    transient: task.transient,
    dt: task.dt,
    renormEvery: task.renormEvery,
    exponents: 1,
  });
  return { n: task.n, g: task.g, realization: task.realization, lambdaMax: result.exponents[0], wallSeconds: result.simulationSeconds };
}
