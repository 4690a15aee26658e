import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpikeRecorder } from '../../src/index.js';

describe('SpikeRecorder', () => {
  it('appends columns exactly as the same spikes appended step by step, across growth of its buffers', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 40 }), { maxLength: 800 }), (steps) => {
        const byStep = new SpikeRecorder();
        const byColumns = new SpikeRecorder();
        const neurons: number[] = [];
        const times: number[] = [];
        steps.forEach((spiking, step) => {
          byStep.appendStep(Int32Array.from(spiking), spiking.length, step);
          for (const neuron of spiking) {
            neurons.push(neuron);
            times.push(step);
          }
        });
        // padded columns: only the first `count` entries are appended
        byColumns.appendColumns(Int32Array.from([...neurons, -1]), Float64Array.from([...times, -1]), neurons.length);
        expect(byColumns.length).toBe(byStep.length);
        expect(Array.from(byColumns.neuron.view())).toEqual(Array.from(byStep.neuron.view()));
        expect(Array.from(byColumns.step.view())).toEqual(Array.from(byStep.step.view()));
      }),
      { seed: 7, numRuns: 60 },
    );
  });
});
