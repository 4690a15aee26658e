import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lastValueFrom, take, toArray } from 'rxjs';
import {
  balancedLifConfig,
  balancedLifParams,
  createBalancedLifEngine,
  parseParams,
  simulate,
  type Engine,
  type Frame,
  type SpikeFrame,
  type StateFrame,
} from '../../src/index.js';

const small = balancedLifConfig(parseParams(balancedLifParams, { N: 200, K: 20, rheobase: 1 }));
const build = (seed = 1) => () => createBalancedLifEngine(small, { dt: 1e-4, seed });

function spikesOf(frames: Frame[]): { neuron: number[]; t: number[] } {
  const neuron: number[] = [];
  const t: number[] = [];
  for (const frame of frames) {
    if (frame.kind !== 'spikes') continue;
    neuron.push(...frame.neuron);
    t.push(...frame.t);
  }
  return { neuron, t };
}

describe('simulate', () => {
  it('emits the same spikes whatever the chunk size and whichever state monitors are attached', async () => {
    const reference = spikesOf(await lastValueFrom(simulate(build(), { duration: 0.1, chunk: 0.1 }).pipe(toArray())));
    expect(reference.neuron.length).toBeGreaterThan(50);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 400 }), fc.boolean(), async (chunkSteps, monitor) => {
        const frames = await lastValueFrom(
          simulate(build(), {
            duration: 0.1,
            chunk: chunkSteps * 1e-4,
            record: monitor ? [{ variable: 'V', neurons: [0, 5, 7], every: 3e-4 }] : [],
          }).pipe(toArray()),
        );
        expect(spikesOf(frames)).toEqual(reference);
      }),
      { seed: 4, numRuns: 12 },
    );
  });

  it('is deterministic by seed and differs between seeds', async () => {
    const a = spikesOf(await lastValueFrom(simulate(build(3), { duration: 0.05 }).pipe(toArray())));
    const b = spikesOf(await lastValueFrom(simulate(build(3), { duration: 0.05 }).pipe(toArray())));
    const c = spikesOf(await lastValueFrom(simulate(build(4), { duration: 0.05 }).pipe(toArray())));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('covers the run with contiguous frames whose spikes lie inside them', async () => {
    const frames = (await lastValueFrom(simulate(build(), { duration: 0.05, chunk: 0.0123 }).pipe(toArray()))) as Frame[];
    const spikeFrames = frames.filter((f): f is SpikeFrame => f.kind === 'spikes');
    expect(spikeFrames[0].t0).toBe(0);
    expect(spikeFrames.at(-1)!.t1).toBeCloseTo(0.05, 12);
    for (let i = 1; i < spikeFrames.length; i++) expect(spikeFrames[i].t0).toBe(spikeFrames[i - 1].t1);
    for (const frame of spikeFrames) for (const t of frame.t) expect(t >= frame.t0 && t < frame.t1).toBe(true);
  });

  it('samples the state at the start of every recording interval', async () => {
    const frames = await lastValueFrom(simulate(build(), { duration: 0.01, chunk: 0.0037, record: [{ variable: 'V', neurons: 'all', every: 1e-3 }] }).pipe(toArray()));
    const states = frames.filter((f): f is StateFrame => f.kind === 'state');
    const times = states.flatMap((f) => Array.from(f.times));
    expect(times.map((t) => Math.round(t / 1e-3))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(states[0].values.length).toBe(states[0].times.length * 200);
    expect(states[0].values[0]).toBeGreaterThanOrEqual(0);
  });

  it('stops sampling at `until` without changing the spikes', async () => {
    const frames = await lastValueFrom(simulate(build(), { duration: 0.01, chunk: 0.0037, record: [{ variable: 'V', neurons: [3], every: 1e-4, until: 0.0042 }] }).pipe(toArray()));
    const times = frames.filter((f): f is StateFrame => f.kind === 'state').flatMap((f) => Array.from(f.times));
    expect(times.map((t) => Math.round(t / 1e-4))).toEqual(Array.from({ length: 42 }, (_, i) => i));
    const plain = await lastValueFrom(simulate(build(), { duration: 0.01 }).pipe(toArray()));
    expect(spikesOf(frames)).toEqual(spikesOf(plain));
  });

  it('stops advancing the engine as soon as the subscriber unsubscribes', async () => {
    let engine: Engine | undefined;
    await lastValueFrom(
      simulate(() => (engine = createBalancedLifEngine(small, { dt: 1e-4, seed: 1 })), { duration: 1, chunk: 0.001 }).pipe(take(3), toArray()),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(engine!.step).toBe(30);
  });

  it('waits for held sink work so that at most maxInFlight frames are pending, and loses none', async () => {
    let pending = 0;
    let maxPending = 0;
    let written = 0;
    const frames = await lastValueFrom(
      simulate(build(), { duration: 0.02, chunk: 0.001, maxInFlight: 3 }).pipe(toArray()),
    );
    const expected = frames.length;
    await new Promise<void>((resolve, reject) => {
      simulate(build(), { duration: 0.02, chunk: 0.001, maxInFlight: 3 }).subscribe({
        next(frame) {
          pending++;
          maxPending = Math.max(maxPending, pending);
          frame.flow?.hold(
            new Promise((done) => setTimeout(done, 3)).then(() => {
              pending--;
              written++;
            }),
          );
        },
        error: reject,
        complete: () => resolve(),
      });
    });
    expect(written).toBe(expected);
    expect(maxPending).toBeLessThanOrEqual(3);
  });
});
