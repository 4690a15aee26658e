import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lastValueFrom, take, toArray } from 'rxjs';
import { SpikeflowError, fromSpikeArrays } from '../../src/index.js';
import { spikeTrainArbitrary } from '../helpers/spikeTrains.js';

describe('fromSpikeArrays', () => {
  it('cuts a train into contiguous frames of chunk seconds that together hold every spike once', async () => {
    await fc.assert(
      fc.asyncProperty(spikeTrainArbitrary(), fc.double({ min: 0.01, max: 1.5, noNaN: true }), async (train, fraction) => {
        const chunk = (train.t1 - train.t0) * fraction;
        const frames = await lastValueFrom(fromSpikeArrays({ ...train, chunk }).pipe(toArray()));
        expect(frames.length).toBe(Math.max(1, Math.ceil(1 / fraction - 1e-9)));
        expect(frames[0].t0).toBe(train.t0);
        expect(frames[frames.length - 1].t1).toBe(train.t1);
        for (let k = 0; k < frames.length; k++) {
          const frame = frames[k];
          expect(frame.size).toBe(train.size);
          if (k > 0) expect(frame.t0).toBe(frames[k - 1].t1);
          expect(frame.t1).toBeGreaterThan(frame.t0);
          expect(frame.t1 - frame.t0).toBeLessThanOrEqual(chunk * (1 + 1e-6));
          for (const s of frame.t) {
            expect(s).toBeGreaterThanOrEqual(frame.t0);
            expect(s).toBeLessThan(frame.t1);
          }
        }
        expect(frames.flatMap((f) => Array.from(f.t))).toEqual(Array.from(train.t));
        expect(frames.flatMap((f) => Array.from(f.neuron))).toEqual(Array.from(train.neuron));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('emits an empty frame for every chunk without spikes', async () => {
    const frames = await lastValueFrom(fromSpikeArrays({ neuron: [1], t: [0.25], size: 2, t1: 0.4, chunk: 0.1 }).pipe(toArray()));
    expect(frames.map((f) => f.t.length)).toEqual([0, 0, 1, 0]);
    expect(frames.map((f) => f.t1)).toEqual([0.1, 0.2, 0.30000000000000004, 0.4]);
  });

  it('emits nothing for an empty window and starts at t0 = 0 by default', async () => {
    expect(await lastValueFrom(fromSpikeArrays({ neuron: [], t: [], size: 1, t0: 2, t1: 2 }).pipe(toArray()))).toEqual([]);
    const [first] = await lastValueFrom(fromSpikeArrays({ neuron: [], t: [], size: 1, t1: 1 }).pipe(toArray()));
    expect([first.t0, first.t1]).toEqual([0, 0.1]);
  });

  it('stops emitting when the subscriber unsubscribes', async () => {
    const frames = await lastValueFrom(fromSpikeArrays({ neuron: [], t: [], size: 1, t1: 100, chunk: 1 }).pipe(take(3), toArray()));
    expect(frames.map((f) => f.t0)).toEqual([0, 1, 2]);
  });

  it('rejects inconsistent input, saying what was expected', () => {
    const base = { neuron: [0, 1], t: [0.1, 0.2], size: 2, t1: 1 };
    expect(() => fromSpikeArrays({ ...base, t: [0.1] })).toThrow(/t length: expected 2, one time per neuron index, got 1/);
    expect(() => fromSpikeArrays({ ...base, neuron: [0, 2] })).toThrow(/neuron\[1\]: expected an integer in \[0, 2\), got 2/);
    expect(() => fromSpikeArrays({ ...base, t: [0.2, 0.1] })).toThrow(/t\[1\]: expected a time ≥ t\[0\] = 0.2 s \(times must be sorted\), got 0.1/);
    expect(() => fromSpikeArrays({ ...base, t: [0.1, 1] })).toThrow(/t\[1\]: expected a time < t1 = 1 s, got 1/);
    expect(() => fromSpikeArrays({ ...base, t0: 0.15 })).toThrow(/t\[0\]: expected a time ≥ t0 = 0.15 s, got 0.1/);
    expect(() => fromSpikeArrays({ ...base, chunk: 0 })).toThrow(SpikeflowError);
    expect(() => fromSpikeArrays({ ...base, t1: -1 })).toThrow(/t1: expected a finite time ≥ t0 = 0 s, got -1/);
  });
});
