import type { ParamSpec } from './params.js';

/** Flags shared by every simulation run. */
export const runParams: readonly ParamSpec[] = [
  { name: 'T', kind: 'number', dimension: 'time', min: 0, default: 5, displayUnit: 's', description: 'simulated duration (a multiple of dt)' },
  { name: 'dt', kind: 'number', dimension: 'time', min: 0, default: 1e-4, displayUnit: 'ms', description: 'time step' },
  { name: 'seed', kind: 'integer', min: 0, minInclusive: true, default: 0, description: 'master seed of all named random streams' },
  { name: 'chunk', kind: 'number', dimension: 'time', min: 0, default: 0.1, displayUnit: 's', description: 'simulated time per frame (never changes results)' },
];
