import { describe, expect, it } from 'vitest';
import { from, lastValueFrom } from 'rxjs';
import { replicaCorrelation, type Frame } from '../../src/index.js';

describe('replicaCorrelation', () => {
  it('gives each replica’s squared length per unit and the pairwise correlations, sample by sample', async () => {
    // three replicas of width 2 at two samples
    const values = Float64Array.of(1, 1, 1, -1, 2, 2, /* next sample */ 3, 0, 0, 4, -3, 0);
    const frame: Frame = { kind: 'state', variable: 'h', t0: 0, t1: 2, times: Float64Array.of(0, 1), neurons: Int32Array.from({ length: 6 }, (_, i) => i), values };
    const result = await lastValueFrom(from([frame]).pipe(replicaCorrelation('h', { replicas: 3 })));
    expect(Array.from(result.times)).toEqual([0, 1]);
    expect(Array.from(result.lengths)).toEqual([1, 1, 4, 4.5, 8, 4.5]);
    // pairs (0,1), (0,2), (1,2)
    expect(Array.from(result.correlations)).toEqual([0, 1, 0, 0, -1, 0]);
  });

  it('errors when the recorded neurons do not split into the replicas', async () => {
    const frame: Frame = { kind: 'state', variable: 'h', t0: 0, t1: 1, times: Float64Array.of(0), neurons: Int32Array.of(0, 1, 2), values: Float64Array.of(1, 2, 3) };
    await expect(lastValueFrom(from([frame]).pipe(replicaCorrelation('h', { replicas: 2 })))).rejects.toThrow(/multiple of 2 replicas/);
    expect(() => replicaCorrelation('h', { replicas: 1 })).toThrow(/replicas/);
  });
});
