import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseParams, silentProgress, type ParamSpec, type RunContext } from '../../src/index.js';

/** A small network with a rheobase (so it fires at K = 20), settled briefly: every study test runs in seconds. */
export const smallNetwork = { N: 200, K: 20, rheobase: 1, settle: 0.05 };

export function valuesOf(params: readonly ParamSpec[], raw: Record<string, unknown>) {
  return parseParams(params, { ...smallNetwork, ...raw });
}

/** A run context writing into a fresh temporary directory, without figures or progress output. */
export async function quietContext(figures = false): Promise<RunContext> {
  return { out: await mkdtemp(join(tmpdir(), 'spikeflow-study-')), figures, progress: silentProgress, log: () => {} };
}
