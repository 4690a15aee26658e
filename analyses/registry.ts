import type { CommandDef } from '../src/core/command.js';
import { binaryBalanceSweep } from './binaryBalanceSweep.js';
import { brunelPhaseDiagram } from './brunelPhaseDiagram.js';
import { deepChaos } from './deepChaos.js';
import { divergence } from './divergence.js';
import { eiStability } from './eiStability.js';
import { fluxTubes } from './fluxTubes.js';
import { perturbation } from './perturbation.js';
import { poissonInput } from './poissonInput.js';
import { rateChaos } from './rateChaos.js';
import { rateChaosSweep } from './rateChaosSweep.js';
import { reliability } from './reliability.js';
import { seed000 } from './seed000.js';

/** Every `spikeflow analyze` study, in the order `spikeflow list` shows them. */
export const analyses: readonly CommandDef[] = [perturbation, divergence, fluxTubes, seed000, reliability, poissonInput, brunelPhaseDiagram, eiStability, rateChaos, rateChaosSweep, binaryBalanceSweep, deepChaos];
