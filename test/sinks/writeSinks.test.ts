import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import {
  balancedLifConfig,
  balancedLifParams,
  createBalancedLifEngine,
  parseParams,
  readTable,
  simulate,
  writeArrow,
  writeParquet,
  type Frame,
} from '../../src/index.js';

const config = balancedLifConfig(parseParams(balancedLifParams, { N: 300, K: 30, rheobase: 1 }));
const run = () => simulate(() => createBalancedLifEngine(config, { dt: 1e-4, seed: 2 }), { duration: 0.2, chunk: 0.013, record: [{ variable: 'V', neurons: [1, 2], every: 1e-3 }] });

function spikesOf(frames: Frame[]) {
  return frames.flatMap((f) => (f.kind === 'spikes' ? Array.from(f.neuron, (n, k) => [n, f.t[k]]) : []));
}

describe('sink operators', () => {
  it('writeParquet and writeArrow pass every frame on and write exactly the spikes of the stream', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spikeflow-sinks-'));
    const frames = await lastValueFrom(run().pipe(writeParquet(join(dir, 'spikes')), writeArrow(join(dir, 'spikes.arrow')), toArray()));
    const expected = spikesOf(frames);
    expect(expected.length).toBeGreaterThan(100);
    for (const path of [join(dir, 'spikes'), join(dir, 'spikes.arrow')]) {
      const table = await readTable(path);
      const neuron = table.getChild('neuron')!.toArray();
      const t = table.getChild('t')!.toArray();
      expect(Array.from(neuron, (n: number, k: number) => [n, t[k]])).toEqual(expected);
    }
  });

  it('writes a recorded state variable in long format', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spikeflow-state-'));
    await lastValueFrom(run().pipe(writeParquet(join(dir, 'state'), { state: 'V' }), toArray()));
    const table = await readTable(join(dir, 'state'));
    expect(table.numRows).toBe(200 * 2);
    expect(Array.from(table.getChild('neuron')!.toArray().slice(0, 4))).toEqual([1, 2, 1, 2]);
    expect(table.getChild('t')!.get(2)).toBeCloseTo(1e-3, 12);
  });
});
