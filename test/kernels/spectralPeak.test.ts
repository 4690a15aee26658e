import { describe, it, expect } from 'vitest';
import { spectralPeak } from '../../src/index.js';

describe('spectralPeak', () => {
  const frequency = Float64Array.of(0, 1, 2, 3, 4);

  it('finds the largest power above the minimum frequency, leaving out DC by default', () => {
    expect(spectralPeak(frequency, Float64Array.of(100, 3, 7, 5, 1))).toEqual({ frequency: 2, power: 7, index: 2 });
    expect(spectralPeak(frequency, Float64Array.of(100, 3, 7, 5, 1), 2)).toEqual({ frequency: 3, power: 5, index: 3 });
  });

  it('takes the lower frequency on ties and skips NaN', () => {
    expect(spectralPeak(frequency, Float64Array.of(0, NaN, 4, 4, 2)).frequency).toBe(2);
  });

  it('gives NaN when nothing qualifies', () => {
    expect(spectralPeak(frequency, Float64Array.of(1, NaN, NaN, NaN, NaN))).toEqual({ frequency: NaN, power: NaN, index: -1 });
    expect(() => spectralPeak(frequency, new Float64Array(3))).toThrow(RangeError);
  });
});
