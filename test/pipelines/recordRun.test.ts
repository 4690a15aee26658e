import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom } from 'rxjs';
import {
  balancedLifConfig,
  balancedLifParams,
  createBalancedLifEngine,
  firingRates,
  parseParams,
  readCheckpoint,
  readTable,
  silentProgress,
  type Engine,
  type RunContext,
} from '../../src/index.js';
import { recordRun } from '../../pipelines/recordRun.js';

const config = balancedLifConfig(parseParams(balancedLifParams, { N: 200, K: 20, rheobase: 1 }));
const engine = () => createBalancedLifEngine(config, { dt: 1e-4, seed: 9, threads: 1 });
const duration = 0.5;

function context(out: string, extra: Partial<RunContext> = {}): RunContext {
  return { out, figures: false, progress: silentProgress, log: () => {}, command: 'run balanced-lif', values: { T: duration }, ...extra };
}

async function spikeKeys(dir: string): Promise<string[]> {
  const table = await readTable(join(dir, 'spikes'));
  const neuron = table.getChild('neuron')!.toArray() as Int32Array;
  const t = table.getChild('t')!.toArray() as Float64Array;
  return Array.from(neuron, (n, k) => `${n}@${Math.round(t[k] / 1e-4)}`);
}

class Crash extends Error {}

/** The same engine, except that its `crashAt`-th advance throws, as a killed process stops mid-run. */
function crashing(inner: Engine, crashAt: number): Engine {
  let advances = 0;
  return {
    get size() { return inner.size; },
    get dt() { return inner.dt; },
    get step() { return inner.step; },
    get variables() { return inner.variables; },
    advance(steps, spikes) {
      if (++advances === crashAt) throw new Crash();
      inner.advance(steps, spikes);
    },
    variable: (name) => inner.variable(name),
    saveState: () => inner.saveState(),
    restoreState: (state) => inner.restoreState(state),
  };
}

describe('recordRun', () => {
  it('crashed at any frame and resumed from its last checkpoint, gives exactly the spikes and rates of one run', async () => {
    const root = await mkdtemp(join(tmpdir(), 'spikeflow-record-'));
    const referenceDir = join(root, 'reference');
    const reference = await recordRun({
      engine: engine(),
      duration,
      chunk: 0.01,
      context: context(referenceDir),
      analyse: (frames) => lastValueFrom(frames.pipe(firingRates())),
    });
    const expected = await spikeKeys(referenceDir);
    expect(expected.length).toBeGreaterThan(500);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom(0.02, 0.05, 0.1),
        fc.constantFrom(0.007, 0.01, 0.03),
        async (crashAt, checkpointEvery, chunk) => {
          const dir = join(root, `run-${run++}`);
          const crashed = recordRun({
            engine: crashing(engine(), crashAt),
            duration,
            chunk,
            flushEvery: 0.01,
            checkpointEvery,
            context: context(dir),
            analyse: (frames) => lastValueFrom(frames.pipe(firingRates()), { defaultValue: new Float64Array(0) }),
          });
          // crash points past the end of the run let it finish: resuming a finished run must change nothing
          await crashed.catch((error) => expect(error).toBeInstanceOf(Crash));
          const checkpoint = await readCheckpoint(dir);
          const resumed = await recordRun({
            engine: engine(),
            duration,
            chunk,
            checkpointEvery,
            context: context(dir, { resume: { checkpoint } }),
            analyse: (frames) => lastValueFrom(frames.pipe(firingRates())),
          });
          expect(await spikeKeys(dir)).toEqual(expected);
          expect(resumed.spikes).toBe(reference.spikes);
          expect(Array.from(resumed.analysis)).toEqual(Array.from(reference.analysis));
        },
      ),
      { seed: 11, numRuns: 12 },
    );
  });
});
