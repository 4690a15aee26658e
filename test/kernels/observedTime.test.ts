import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { observedTime } from '../../src/index.js';

describe('observedTime', () => {
  it('takes one length for contiguous frames, so every chunking of a run gives the same bits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 30 }), (chunks) => {
        const dt = 1e-4;
        const state = observedTime.init();
        let step = 0;
        for (const steps of chunks) {
          observedTime.add(state, step * dt, (step + steps) * dt);
          step += steps;
        }
        expect(observedTime.value(state)).toBe(step * dt - 0);
      }),
      { seed: 8, numRuns: 100 },
    );
  });

  it('adds the spans on either side of a gap and is zero before any frame', () => {
    const state = observedTime.init();
    expect(observedTime.value(state)).toBe(0);
    observedTime.add(state, 0, 1);
    observedTime.add(state, 1, 2);
    observedTime.add(state, 5, 5.5);
    expect(observedTime.value(state)).toBe(2.5);
  });
});
