import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addSpikes, isiCvReducer, isiCvValues, isiMoments } from '../../src/index.js';
import { spikeTrainArbitrary, type SpikeTrain } from '../helpers/spikeTrains.js';

/** Two-pass CV with the population std (ddof = 0), straight from per-neuron ISI arrays. */
function naiveCv(train: SpikeTrain, minSpikes: number): number[] {
  const times: number[][] = Array.from({ length: train.size }, () => []);
  for (let i = 0; i < train.t.length; i++) times[train.neuron[i]].push(train.t[i]);
  return times.map((spikes) => {
    if (spikes.length < minSpikes) return NaN;
    const isi = spikes.slice(1).map((s, k) => s - spikes[k]);
    const mean = isi.reduce((a, b) => a + b, 0) / isi.length;
    const variance = isi.reduce((a, b) => a + (b - mean) ** 2, 0) / isi.length;
    return Math.sqrt(variance) / mean;
  });
}

function expectCloseOrBothNaN(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (Number.isNaN(expected[i])) expect(actual[i]).toBeNaN();
    else expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(expected[i])));
  }
}

describe('isiMoments', () => {
  it('matches a two-pass mean/std over per-neuron ISI arrays', () => {
    fc.assert(
      fc.property(spikeTrainArbitrary(), fc.integer({ min: 2, max: 5 }), (train, minSpikes) => {
        const state = addSpikes(isiMoments(train.size), train.neuron, train.t);
        expectCloseOrBothNaN(isiCvValues(state, minSpikes), naiveCv(train, minSpikes));
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('gives bit-identical moments whether spikes are added at once or in pieces', () => {
    fc.assert(
      fc.property(spikeTrainArbitrary(), fc.array(fc.nat(), { maxLength: 6 }), (train, cutSeeds) => {
        const cuts = [0, ...cutSeeds.map((c) => c % (train.t.length + 1)).sort((a, b) => a - b), train.t.length];
        const whole = addSpikes(isiMoments(train.size), train.neuron, train.t);
        const pieces = isiMoments(train.size);
        for (let k = 0; k + 1 < cuts.length; k++) {
          addSpikes(pieces, train.neuron.subarray(cuts[k], cuts[k + 1]), train.t.subarray(cuts[k], cuts[k + 1]));
        }
        expect(pieces).toEqual(whole);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('uses the population std (ddof = 0): ISIs of 1 s and 3 s give CV 1/2', () => {
    const state = addSpikes(isiMoments(1), Int32Array.of(0, 0, 0), Float64Array.of(0, 1, 4));
    expect(state.count[0]).toBe(2);
    expect(state.mean[0]).toBe(2);
    expect(isiCvValues(state)[0]).toBe(0.5);
  });

  it('gives CV 0 for a regular train', () => {
    const t = Float64Array.from({ length: 200 }, (_, k) => 0.003 + k * 0.0125);
    const cv = isiCvValues(addSpikes(isiMoments(1), new Int32Array(200), t));
    expect(cv[0]).toBeLessThan(1e-9);
  });

  it('gives NaN for neurons with fewer than minSpikes spikes and for silent neurons', () => {
    const state = addSpikes(isiMoments(3), Int32Array.of(0, 1, 0, 1, 1), Float64Array.of(0.1, 0.2, 0.3, 0.5, 0.6));
    const cv = isiCvValues(state);
    expect(cv[0]).toBeNaN(); // two spikes
    expect(cv[1]).toBeCloseTo(0.5, 12); // ISIs 0.3 and 0.1
    expect(cv[2]).toBeNaN(); // silent
    expect(isiCvValues(state, 2)[0]).toBe(0);
  });

  it('rejects minSpikes below 2 and mismatched columns', () => {
    expect(() => isiCvValues(isiMoments(1), 1)).toThrow(/minSpikes to be an integer ≥ 2, got 1/);
    expect(() => addSpikes(isiMoments(1), new Int32Array(2), new Float64Array(1))).toThrow(/equal length, got 2 and 1/);
  });

  it('works as an {init, add, value} reducer', () => {
    const { init, add, value } = isiCvReducer;
    const cv = value(add(init(1), Int32Array.of(0, 0, 0), Float64Array.of(0, 1, 4)));
    expect(cv[0]).toBe(0.5);
  });
});
