import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Subject, from, lastValueFrom, toArray } from 'rxjs';
import { SpikeflowError, firingRates, isiCv, selectNeurons, type Frame, type SpikeFrame, type StateFrame } from '../../src/index.js';
import { chunkedSpikeTrainArbitrary, wholeFrames } from '../helpers/spikeTrains.js';

/** A chunked train and a shuffled, duplicate-free choice of its neurons. */
const selectionArbitrary = chunkedSpikeTrainArbitrary().chain((chunked) =>
  fc.tuple(
    fc.constant(chunked),
    fc.uniqueArray(fc.integer({ min: 0, max: chunked.train.size - 1 }), { maxLength: chunked.train.size }),
  ),
);

function spikesOf(frames: readonly Frame[]): { neuron: number[]; t: number[] } {
  const spikes = frames.filter((f): f is SpikeFrame => f.kind === 'spikes');
  return { neuron: spikes.flatMap((f) => Array.from(f.neuron)), t: spikes.flatMap((f) => Array.from(f.t)) };
}

describe('selectNeurons', () => {
  it("keeps exactly the chosen neurons' spikes, renumbered by position, in every frame", async () => {
    await fc.assert(
      fc.asyncProperty(selectionArbitrary, async ([{ train, frames }, ids]) => {
        const out = await lastValueFrom(from(frames).pipe(selectNeurons(ids), toArray()));
        expect(out.map((f) => [f.kind, f.t0, f.t1])).toEqual(frames.map((f) => [f.kind, f.t0, f.t1]));
        for (const frame of out) if (frame.kind === 'spikes') expect(frame.size).toBe(ids.length);
        const expected = { neuron: [] as number[], t: [] as number[] };
        for (let i = 0; i < train.t.length; i++) {
          const position = ids.indexOf(train.neuron[i]);
          if (position >= 0) {
            expected.neuron.push(position);
            expected.t.push(train.t[i]);
          }
        }
        expect(spikesOf(out)).toEqual(expected);
        const whole = await lastValueFrom(from(wholeFrames(train)).pipe(selectNeurons(ids), toArray()));
        expect(spikesOf(out)).toEqual(spikesOf(whole));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('composes with statistics: rates and CVs of the selection are those of the chosen neurons', async () => {
    await fc.assert(
      fc.asyncProperty(selectionArbitrary, async ([{ frames }, ids]) => {
        const rates = await lastValueFrom(from(frames).pipe(firingRates()));
        const cv = await lastValueFrom(from(frames).pipe(isiCv()));
        const selectedRates = await lastValueFrom(from(frames).pipe(selectNeurons(ids), firingRates()));
        const selectedCv = await lastValueFrom(from(frames).pipe(selectNeurons(ids), isiCv()));
        expect(Array.from(selectedRates)).toEqual(ids.map((id) => rates[id]));
        expect(Array.from(selectedCv)).toEqual(ids.map((id) => cv[id]));
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('drops the columns of unchosen neurons from state frames and renumbers the rest', async () => {
    const state: StateFrame = {
      kind: 'state',
      variable: 'v',
      t0: 0,
      t1: 1,
      times: Float64Array.of(0, 0.5),
      neurons: Int32Array.of(1, 4, 7),
      values: Float64Array.of(10, 40, 70, 11, 41, 71),
    };
    const [out] = await lastValueFrom(from([state]).pipe(selectNeurons([7, 2, 1]), toArray()));
    expect(out).toEqual({ ...state, neurons: Int32Array.of(2, 0), values: Float64Array.of(10, 70, 11, 71) });
  });

  it('passes the flow ticket through', async () => {
    const flow = { hold: () => undefined };
    const frame: SpikeFrame = { kind: 'spikes', t0: 0, t1: 1, size: 3, neuron: Int32Array.of(0, 2), t: Float64Array.of(0.1, 0.2), flow };
    const [out] = await lastValueFrom(from([frame]).pipe(selectNeurons([2]), toArray()));
    expect(out.flow).toBe(flow);
    expect(out).toMatchObject({ size: 1, neuron: Int32Array.of(0), t: Float64Array.of(0.2) });
  });

  it('rejects negative, fractional and repeated ids, and errors on ids beyond the population', async () => {
    expect(() => selectNeurons([0, -1])).toThrow(/ids\[1\]: expected a neuron index/);
    expect(() => selectNeurons([0.5])).toThrow(SpikeflowError);
    expect(() => selectNeurons([3, 1, 3])).toThrow(/ids\[2\]: expected distinct neuron indices/);
    const frame: SpikeFrame = { kind: 'spikes', t0: 0, t1: 1, size: 3, neuron: new Int32Array(0), t: new Float64Array(0) };
    await expect(lastValueFrom(from([frame]).pipe(selectNeurons([1, 3])))).rejects.toThrow(/below the population size 3, got 3/);
  });

  it('stops emitting and unsubscribes from the source when torn down', () => {
    const source = new Subject<Frame>();
    const seen: Frame[] = [];
    const subscription = source.pipe(selectNeurons([0])).subscribe((frame) => seen.push(frame));
    const frame: SpikeFrame = { kind: 'spikes', t0: 0, t1: 1, size: 2, neuron: Int32Array.of(0, 1), t: Float64Array.of(0.1, 0.2) };
    source.next(frame);
    subscription.unsubscribe();
    expect(source.observed).toBe(false);
    source.next(frame);
    expect(seen).toHaveLength(1);
  });
});
