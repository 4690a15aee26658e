import type { CommandDef } from '../src/core/command.js';
import { brunelPhaseDiagram } from './brunelPhaseDiagram.js';
import { divergence } from './divergence.js';
import { fluxTubes } from './fluxTubes.js';
import { perturbation } from './perturbation.js';
import { poissonInput } from './poissonInput.js';
import { reliability } from './reliability.js';
import { seed000 } from './seed000.js';

/** Every `spikeflow analyze` study, in the order `spikeflow list` shows them. */
export const analyses: readonly CommandDef[] = [perturbation, divergence, fluxTubes, seed000, reliability, poissonInput, brunelPhaseDiagram];
