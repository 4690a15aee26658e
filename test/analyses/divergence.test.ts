import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readTable } from '../../src/index.js';
import { divergenceOptions, divergenceParams, divergenceStudy, logSpaced } from '../../analyses/divergence.js';
import { studyNetwork } from '../../pipelines/studyNetwork.js';
import { quietContext, valuesOf } from './studyHelpers.js';

const raw = { 'eps-min': 1e-6, 'eps-max': 1, 'eps-count': 4, realizations: 3, T: 0.05, every: 0.005 };

async function study(workers: number) {
  const values = valuesOf(divergenceParams, { ...raw, workers });
  const context = await quietContext();
  const result = await divergenceStudy(studyNetwork(values), divergenceOptions(values), context);
  const table = await readTable(join(context.out, 'divergence.parquet'));
  return { result, table, out: context.out };
}

describe('analyze divergence', () => {
  it('gives identical results with one worker and with two', async () => {
    const [one, two] = await Promise.all([study(1), study(2)]);
    for (const name of ['eps', 'realization', 'd_initial', 'd_final', 'diverged', 'clamped']) {
      expect(Array.from(two.table.getChild(name)!.toArray() as ArrayLike<number>)).toEqual(Array.from(one.table.getChild(name)!.toArray() as ArrayLike<number>));
    }
    expect(Array.from(two.result.pDiverge)).toEqual(Array.from(one.result.pDiverge));
    expect(two.result.summary.eps_ft).toBe(one.result.summary.eps_ft);
  });

  it('lets a tiny perturbation decay back onto the reference and a unit one grow to unrelated distance', async () => {
    const { result, table } = await study(2);
    expect(table.numRows).toBe(4 * 3);
    expect(result.pDiverge[0]).toBe(0);
    expect(result.pDiverge[3]).toBe(1);
    const initial = table.getChild('d_initial')!.toArray() as Float64Array;
    const final = table.getChild('d_final')!.toArray() as Float64Array;
    const eps = table.getChild('eps')!.toArray() as Float64Array;
    // D_φ(0) is ε: the phase shift has norm ε
    for (let r = 0; r < 3; r++) expect(initial[r]).toBeCloseTo(eps[r], 12);
    expect(final[0]).toBeLessThan(initial[0] * Math.exp(-0.05 / 0.01) * 10);
    expect(final[11]).toBeGreaterThan(0.5 * (result.summary.unrelated_l2 as number));
  });

  it('spaces ε evenly in log between the bounds, 15 values from 1e-5 to 1 by default', () => {
    const eps = logSpaced(1e-5, 1, 15);
    expect(eps[0]).toBeCloseTo(1e-5, 18);
    expect(eps[14]).toBeCloseTo(1, 14);
    expect(eps[7]).toBeCloseTo(10 ** -2.5, 12);
    const defaults = divergenceOptions(valuesOf(divergenceParams, {}));
    expect(defaults.eps.length).toBe(15);
    expect(defaults.realizations).toBe(50);
  });

  it('refuses eps-min above eps-max and a sample interval that does not divide T', () => {
    expect(() => divergenceOptions(valuesOf(divergenceParams, { 'eps-min': 0.1, 'eps-max': 0.01 }))).toThrow(/eps-min/);
    expect(() => divergenceOptions(valuesOf(divergenceParams, { T: 0.01, every: 0.003 }))).toThrow(/every/);
  });
});
