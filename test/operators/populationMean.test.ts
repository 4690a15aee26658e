import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, toArray } from 'rxjs';
import { collectState, populationMean, type Frame, type StateFrame } from '../../src/index.js';

const state = (times: number[], neurons: number[], values: number[], variable = 'sigma'): StateFrame => ({
  kind: 'state',
  variable,
  t0: times[0],
  t1: times[times.length - 1] + 1,
  times: Float64Array.from(times),
  neurons: Int32Array.from(neurons),
  values: Float64Array.from(values),
});

describe('populationMean', () => {
  it('averages each population over its recorded neurons at every sample', async () => {
    const frames: Frame[] = [state([0, 1], [0, 1, 2, 3, 4], [1, 0, 1, 1, 0, 0, 0, 1, 1, 1]), state([2], [0, 1, 2, 3, 4], [1, 1, 1, 0, 0])];
    const means = await lastValueFrom(
      from(frames).pipe(
        populationMean('sigma', [
          { name: 'E', start: 0, count: 3 },
          { name: 'I', start: 3, count: 2 },
        ]),
        collectState('mean(sigma)'),
      ),
    );
    expect(Array.from(means.times)).toEqual([0, 1, 2]);
    expect(Array.from(means.neurons)).toEqual([0, 1]);
    expect(Array.from(means.values)).toEqual([2 / 3, 0.5, 1 / 3, 1, 1, 0]);
  });

  it('uses only the recorded neurons of a population, passes timing through and drops other frames', async () => {
    const out = await lastValueFrom(
      from([state([5], [1, 4, 6], [2, 4, 10]), state([5], [0], [99], 'V')] as Frame[]).pipe(populationMean('sigma', [{ name: 'low', start: 0, count: 5 }]), toArray()),
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ variable: 'mean(sigma)', t0: 5, t1: 6 });
    expect(Array.from(out[0].values)).toEqual([3]);
  });

  it('errors when a population has no recorded neuron', async () => {
    await expect(lastValueFrom(from([state([0], [7], [1])]).pipe(populationMean('sigma', [{ name: 'E', start: 0, count: 3 }])))).rejects.toThrow(/population E/);
    expect(() => populationMean('sigma', [])).toThrow(/at least one population/);
  });
});
