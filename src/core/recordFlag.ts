import { invalidParameter } from './errors.js';
import type { ParamSpec } from './params.js';
import { stepsOf, type StateRecording } from './run.js';

/** The flags that stream state snapshots to `DIR/state/`, shared by every pipeline. */
export const recordParams: readonly ParamSpec[] = [
  { name: 'record', kind: 'string', description: 'state to stream to DIR/state/: VARIABLE:ALL or VARIABLE:i,j,k (e.g. V:ALL, V:0,5,9)' },
  { name: 'record-every', kind: 'number', dimension: 'time', min: 0, displayUnit: 'ms', description: 'sampling interval of --record (default: every step)' },
  { name: 'checkpoint-every', kind: 'number', dimension: 'time', min: 0, displayUnit: 's', description: 'write a checkpoint for `spikeflow resume` every this much simulated time' },
];

/** Parses `V:ALL` or `V:0,5,9` against the model's variables and size. */
export function parseRecordFlag(text: string | undefined, every: number, variables: readonly string[], size: number, dt: number): StateRecording[] {
  if (text === undefined) return [];
  stepsOf('record-every', every, dt);
  const match = /^([A-Za-z_][\w]*):(ALL|all|\d+(?:,\d+)*)$/.exec(text.trim());
  if (!match) throw invalidParameter('record', text, 'VARIABLE:ALL or VARIABLE:i,j,k');
  const [, variable, which] = match;
  if (!variables.includes(variable)) throw invalidParameter('record', text, `a variable of this model (${variables.join(', ')})`);
  if (/^all$/i.test(which)) return [{ variable, neurons: 'all', every }];
  const neurons = which.split(',').map(Number);
  for (const neuron of neurons) if (neuron >= size) throw invalidParameter('record', text, `neuron indices in [0, ${size})`);
  return [{ variable, neurons, every }];
}
