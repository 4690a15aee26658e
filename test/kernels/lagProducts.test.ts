import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addLagSamples, autocorrelationReducer, lagAutocorrelation, lagProducts } from '../../src/index.js';

/** Δ(ℓ) by its definition: mean over channels and all sample pairs ℓ apart. */
function bruteForce(values: Float64Array, samples: number, width: number, maxLag: number): Float64Array {
  const out = new Float64Array(maxLag + 1);
  for (let lag = 0; lag <= maxLag; lag++) {
    let sum = 0;
    let pairs = 0;
    for (let s = lag; s < samples; s++) {
      for (let i = 0; i < width; i++) sum += values[s * width + i] * values[(s - lag) * width + i];
      pairs++;
    }
    out[lag] = pairs > 0 ? sum / (pairs * width) : NaN;
  }
  return out;
}

const signals = fc.record({
  width: fc.integer({ min: 1, max: 5 }),
  samples: fc.integer({ min: 1, max: 40 }),
  maxLag: fc.integer({ min: 0, max: 12 }),
  seed: fc.integer(),
});

function signal(width: number, samples: number, seed: number): Float64Array {
  let state = seed >>> 0 || 1;
  return Float64Array.from({ length: width * samples }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  });
}

describe('lagProducts', () => {
  it('gives the brute-force lagged average, bit-identical however the samples are chunked', () => {
    fc.assert(
      fc.property(signals, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }), ({ width, samples, maxLag, seed }, cuts) => {
        const values = signal(width, samples, seed);
        const whole = lagAutocorrelation(addLagSamples(lagProducts(width, maxLag), values, samples));
        const chunked = lagProducts(width, maxLag);
        let start = 0;
        for (let k = 0; start < samples; k++) {
          const count = Math.min(samples - start, cuts[k % cuts.length]);
          addLagSamples(chunked, values.subarray(start * width, (start + count) * width), count);
          start += count;
        }
        expect(lagAutocorrelation(chunked)).toEqual(whole);
        const expected = bruteForce(values, samples, width, maxLag);
        for (let lag = 0; lag <= maxLag; lag++) {
          if (Number.isNaN(expected[lag])) expect(whole[lag]).toBeNaN();
          else expect(whole[lag]).toBeCloseTo(expected[lag], 12);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('recovers cos(ωτ)/2 for a sinusoid of unit amplitude and random phases across channels', () => {
    const width = 64;
    const samples = 4000;
    const dt = 0.05;
    const omega = 1.3;
    const values = new Float64Array(width * samples);
    for (let i = 0; i < width; i++) for (let s = 0; s < samples; s++) values[s * width + i] = Math.cos(omega * s * dt + (2 * Math.PI * i) / width);
    const delta = autocorrelationReducer.value(autocorrelationReducer.add(autocorrelationReducer.init(width, 40), values, samples));
    for (let lag = 0; lag <= 40; lag++) expect(delta[lag]).toBeCloseTo(0.5 * Math.cos(omega * lag * dt), 6);
  });

  it('rejects bad sizes and short value arrays', () => {
    expect(() => lagProducts(0, 3)).toThrow(RangeError);
    expect(() => addLagSamples(lagProducts(2, 1), new Float64Array(3), 2)).toThrow(/expected 2 samples of 2 values, got 3 values/);
  });
});
