import type { CommandDef } from '../src/core/command.js';

/** Every `spikeflow analyze` study, in the order `spikeflow list` shows them. */
export const analyses: readonly CommandDef[] = [];
