import { lastValueFrom, reduce } from 'rxjs';
import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import { withDefaults } from '../src/core/paramDefaults.js';
import type { ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { stepsOf } from '../src/core/run.js';
import { runParams } from '../src/core/runParams.js';
import { SpikingNetworkEngine } from '../src/engines/spikingNetwork.js';
import { distributionSpec } from '../src/figures/distributionSpec.js';
import { rasterSpec } from '../src/figures/rasterSpec.js';
import { renderFigure } from '../src/figures/render.js';
import { traceSpec } from '../src/figures/traceSpec.js';
import { lifNetworkConfig, lifNetworkParams, lifNetworkSpec, type LifNetworkConfig } from '../src/models/lifNetwork.js';
import { collectSpikes } from '../src/operators/collectSpikes.js';
import { firingRates } from '../src/operators/firingRates.js';
import { populationRate } from '../src/operators/populationRate.js';
import { populationStats } from '../src/operators/populationStats.js';
import { recordRun } from './recordRun.js';

/** The raster keeps at most this much simulated time. */
const RASTER_SECONDS = 1;
const RATE_BIN = 1e-3;

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

async function renderNetworkFigures(
  out: string,
  config: LifNetworkConfig,
  raster: { neuron: Int32Array; t: Float64Array; t1: number },
  rate: { t: number[]; rate: number[] },
  rates: Float64Array,
): Promise<string[]> {
  const size = config.excitatory + config.inhibitory;
  const files = ['raster.png', 'population_rate.png', 'rate_distribution.png'];
  await renderFigure(
    rasterSpec({
      neuron: raster.neuron,
      t: raster.t,
      t0: 0,
      t1: raster.t1,
      neurons: size,
      dividers: config.inhibitory > 0 ? [config.excitatory] : [],
      title: `Spike raster, ${config.excitatory} E (below the line) and ${config.inhibitory} I neurons`,
    }),
    join(out, files[0]),
  );
  await renderFigure(
    traceSpec({
      t: rate.t.map((t) => (t + RATE_BIN / 2) * 1000),
      series: [{ name: 'population rate', values: rate.rate }],
      xLabel: 'time (ms)',
      yLabel: `population rate (Hz, ${RATE_BIN * 1000} ms bins)`,
      title: 'Population activity',
    }),
    join(out, files[1]),
  );
  await renderFigure(distributionSpec({ values: rates, xLabel: 'firing rate (Hz)', title: 'Firing rates of all neurons' }), join(out, files[2]));
  return files;
}

/**
 * `spikeflow run lif-network`: the course's 1000-neuron network (800 E, 200 I, p = 0.02, +100 pA / −200 pA
 * exponential synaptic currents, I_stim = 0.44 nA, random initial V). Spikes to Parquet; rates and ISI CVs per
 * population; raster, population rate and rate distribution.
 */
export const lifNetwork: CommandDef = {
  name: 'lif-network',
  description: 'The course LIF network (800 E + 200 I, p = 0.02, exponential synaptic currents, I_stim 0.44 nA): raster and rates',
  params: [...lifNetworkParams, ...withDefaults(runParams, { T: 1 })],
  prepare(values: ParamValues) {
    const config = lifNetworkConfig(values);
    const dt = numberParam(values, 'dt');
    const duration = numberParam(values, 'T');
    stepsOf('T', duration, dt);
    const seed = numberParam(values, 'seed');
    const engine = new SpikingNetworkEngine(lifNetworkSpec(config, { dt, seed }));
    const size = config.excitatory + config.inhibitory;
    const populations = [{ name: 'E', start: 0, count: config.excitatory }];
    if (config.inhibitory > 0) populations.push({ name: 'I', start: config.excitatory, count: config.inhibitory });
    return {
      async run(context: RunContext) {
        const rasterUntil = Math.min(duration, RASTER_SECONDS);
        const result = await recordRun({
          engine,
          duration,
          chunk: numberParam(values, 'chunk'),
          context,
          analyse: (frames) =>
            Promise.all([
              lastValueFrom(frames.pipe(populationStats({ populations: [{ name: 'all', start: 0, count: size }, ...populations] }))),
              lastValueFrom(frames.pipe(firingRates())),
              context.figures ? lastValueFrom(frames.pipe(collectSpikes({ until: rasterUntil }))) : undefined,
              context.figures
                ? lastValueFrom(
                    frames.pipe(
                      populationRate({ binWidth: RATE_BIN }),
                      reduce(
                        (acc, bins) => {
                          for (let k = 0; k < bins.t.length && bins.t[k] < rasterUntil; k++) {
                            acc.t.push(bins.t[k]);
                            acc.rate.push(bins.rate[k]);
                          }
                          return acc;
                        },
                        { t: [] as number[], rate: [] as number[] },
                      ),
                    ),
                    { defaultValue: { t: [], rate: [] } },
                  )
                : undefined,
            ]),
        });
        const [stats, rates, raster, rate] = result.analysis;
        const figures =
          raster && rate ? await renderNetworkFigures(context.out, config, { neuron: raster.neuron, t: raster.t, t1: rasterUntil }, rate, rates) : [];
        const byName = Object.fromEntries(stats.map((s) => [s.name, s]));
        return {
          mean_rate_hz: finite(byName.all.meanRate),
          mean_cv: finite(byName.all.meanCv),
          rate_e_hz: finite(byName.E.meanRate),
          rate_i_hz: byName.I ? finite(byName.I.meanRate) : null,
          cv_e: finite(byName.E.meanCv),
          cv_i: byName.I ? finite(byName.I.meanCv) : null,
          N: size,
          T: duration,
          seed,
          spikes: result.spikes,
          simulation_wall_s: result.simulationSeconds,
          figures,
          params: values,
        };
      },
    };
  },
};
