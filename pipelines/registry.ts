import type { CommandDef } from '../src/core/command.js';
import { balancedLif } from './balancedLif.js';
import { izhikevich } from './izhikevich.js';

/** Every `spikeflow run` pipeline, in the order `spikeflow list` shows them. */
export const pipelines: readonly CommandDef[] = [balancedLif, izhikevich];
