import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { from, lastValueFrom, toArray, zip, map } from 'rxjs';
import { lifPhaseDistances, lifPhaseMap, pairStateFrames, phaseDistance, type StatePairFrame, type StateFrame } from '../../src/index.js';

const phaseMap = lifPhaseMap({ tauM: 0.01, drive: 3.16, threshold: 1, reset: 0 });

/** Two trajectories of `size` neurons over `samples` sample times, cut into pair frames at the given cut points. */
const pairedSamples = fc.record({
  size: fc.integer({ min: 1, max: 6 }),
  samples: fc.integer({ min: 1, max: 12 }),
}).chain(({ size, samples }) =>
  fc.record({
    size: fc.constant(size),
    samples: fc.constant(samples),
    a: fc.array(fc.double({ min: -2, max: 0.999, noNaN: true }), { minLength: size * samples, maxLength: size * samples }),
    b: fc.array(fc.double({ min: -2, max: 0.999, noNaN: true }), { minLength: size * samples, maxLength: size * samples }),
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, samples - 1) }), { maxLength: samples }),
  }),
);

function frames(size: number, samples: number, a: number[], b: number[], cuts: number[]): StatePairFrame[] {
  const bounds = [0, ...cuts.filter((c) => c < samples).sort((x, y) => x - y), samples];
  const neurons = Int32Array.from({ length: size }, (_, i) => i);
  const out: StatePairFrame[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [s0, s1] = [bounds[k], bounds[k + 1]];
    if (s1 <= s0) continue;
    out.push({
      kind: 'state-pair',
      variable: 'V',
      t0: s0 * 1e-3,
      t1: s1 * 1e-3,
      times: Float64Array.from({ length: s1 - s0 }, (_, s) => (s0 + s) * 1e-3),
      neurons,
      reference: Float64Array.from(a.slice(s0 * size, s1 * size)),
      perturbed: Float64Array.from(b.slice(s0 * size, s1 * size)),
    });
  }
  return out;
}

describe('phaseDistance', () => {
  it('gives the same D_φ(t) for every chunking of the samples, equal to the kernel on the whole run', async () => {
    await fc.assert(
      fc.asyncProperty(pairedSamples, async ({ size, samples, a, b, cuts }) => {
        const out = await lastValueFrom(from(frames(size, samples, a, b, cuts)).pipe(phaseDistance(phaseMap), toArray()));
        const times = out.flatMap((f) => Array.from(f.times));
        const l2 = out.flatMap((f) => Array.from(f.l2));
        const meanAbs = out.flatMap((f) => Array.from(f.meanAbs));
        const expectedL2 = new Float64Array(samples);
        const expectedMean = new Float64Array(samples);
        lifPhaseDistances(phaseMap, Float64Array.from(a), Float64Array.from(b), size, expectedL2, expectedMean);
        expect(times).toEqual(Array.from({ length: samples }, (_, s) => s * 1e-3));
        expect(l2).toEqual(Array.from(expectedL2));
        expect(meanAbs).toEqual(Array.from(expectedMean));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('is zero between a trajectory and itself', async () => {
    const [frame] = frames(3, 2, [0.1, 0.2, -0.3, 0.5, 0.6, 0.7], [0.1, 0.2, -0.3, 0.5, 0.6, 0.7], []);
    const [out] = await lastValueFrom(from([frame]).pipe(phaseDistance(phaseMap), toArray()));
    expect(Array.from(out.l2)).toEqual([0, 0]);
    expect(Array.from(out.meanAbs)).toEqual([0, 0]);
  });

  it('pairs two recorded state streams with pairStateFrames', async () => {
    const state = (values: number[]): StateFrame => ({ kind: 'state', variable: 'V', t0: 0, t1: 0.001, times: Float64Array.from([0]), neurons: Int32Array.from([0, 1]), values: Float64Array.from(values) });
    const [out] = await lastValueFrom(
      zip(from([state([0.1, 0.2])]), from([state([0.1, 0.3])])).pipe(
        map(([a, b]) => pairStateFrames(a, b)),
        phaseDistance(phaseMap),
        toArray(),
      ),
    );
    expect(out.l2[0]).toBeGreaterThan(0);
    expect(out.meanAbs[0]).toBeCloseTo(out.l2[0] / 2, 15);
  });

  it('rejects pair frames whose values do not match their times and neurons', async () => {
    const [frame] = frames(2, 2, [0, 0, 0, 0], [0, 0, 0, 0], []);
    const broken = { ...frame, perturbed: new Float64Array(3) };
    await expect(lastValueFrom(from([broken]).pipe(phaseDistance(phaseMap)))).rejects.toThrow(/pair frame values/);
  });
});
