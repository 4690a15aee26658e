import type { CommandDef } from '../src/core/command.js';
import { balancedLif } from './balancedLif.js';
import { binaryBalanced } from './binaryBalanced.js';
import { brunel } from './brunel.js';
import { lifNetwork } from './lifNetwork.js';
import { lifNeuron, noisyLifNeuron } from './lifNeuron.js';
import { izhikevich } from './izhikevich.js';

/** Every `spikeflow run` pipeline, in the order `spikeflow list` shows them. */
export const pipelines: readonly CommandDef[] = [balancedLif, brunel, lifNeuron, noisyLifNeuron, lifNetwork, izhikevich, binaryBalanced];
