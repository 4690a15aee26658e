import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readTable } from '../../src/index.js';
import { fluxTubeOptions, fluxTubeParams, fluxTubeStudy, randomPlane } from '../../analyses/fluxTubes.js';
import { studyNetwork } from '../../pipelines/studyNetwork.js';
import { quietContext, valuesOf } from './studyHelpers.js';

async function study(workers: number, span: number) {
  const values = valuesOf(fluxTubeParams, { grid: 6, span, T: 0.05, workers });
  const context = await quietContext();
  const result = await fluxTubeStudy(studyNetwork(values), fluxTubeOptions(values), context);
  return { result, table: await readTable(join(context.out, 'flux_tubes.parquet')) };
}

describe('analyze flux-tubes', () => {
  it('labels the plane identically with one worker and with two', async () => {
    const [one, two] = await Promise.all([study(1, 0.05), study(2, 0.05)]);
    expect(Array.from(two.result.labels)).toEqual(Array.from(one.result.labels));
    expect(two.result.threshold).toBe(one.result.threshold);
  });

  it('writes (a, b, label) for every grid point, labels 0 … tubes−1 with 0 the largest tube', async () => {
    const { result, table } = await study(2, 0.05);
    expect(table.numRows).toBe(36);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['a', 'b', 'label']);
    const labels = Array.from(table.getChild('label')!.toArray() as Int32Array);
    expect(new Set(labels).size).toBe(result.tubes);
    const counts = Array.from({ length: result.tubes }, (_, k) => labels.filter((l) => l === k).length);
    expect(counts[0]).toBe(Math.max(...counts));
    expect(result.largestFraction).toBeCloseTo(counts[0] / 36, 12);
    const a = table.getChild('a')!.toArray() as Float64Array;
    expect(Math.min(...a)).toBeCloseTo(-0.05, 15);
    expect(Math.max(...a)).toBeCloseTo(0.05, 15);
  });

  it('finds a single tube in a plane far smaller than a flux tube', async () => {
    const { result } = await study(2, 1e-7);
    expect(result.tubes).toBe(1);
    expect(result.largestFraction).toBe(1);
  });

  it('draws orthonormal plane directions', () => {
    const plane = randomPlane(3, 500);
    const dot = (x: number, y: number) => plane.subarray(x * 500, x * 500 + 500).reduce((sum, v, i) => sum + v * plane[y * 500 + i], 0);
    expect(dot(0, 0)).toBeCloseTo(1, 12);
    expect(dot(1, 1)).toBeCloseTo(1, 12);
    expect(dot(0, 1)).toBeCloseTo(0, 12);
  });
});
