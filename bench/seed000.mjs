// The seed-000 network as the benchmark scripts use it: its configuration and the options of a clock engine.
import {
  RandomStreams,
  balancedLifConfig,
  balancedLifDrive,
  balancedLifInitialState,
  balancedLifNetwork,
  balancedLifParams,
  balancedLifWeight,
  parseParams,
} from '../dist/src/index.js';

export const seed000Config = balancedLifConfig(parseParams(balancedLifParams, {}));

/** Clock-engine options of the seed-000 network (seed 0, dt = 0.1 ms), on `csr` if given, else a fresh draw. */
export function seed000Options(csr = balancedLifNetwork(seed000Config, new RandomStreams(0))) {
  const config = seed000Config;
  const v0 = balancedLifInitialState(config, new RandomStreams(0));
  return { csr, v0, dt: 1e-4, tauM: config.tauM, drive: balancedLifDrive(config), threshold: config.threshold, reset: config.reset, weight: balancedLifWeight(config) };
}
