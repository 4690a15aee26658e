import { describe, it, expect } from 'vitest';
import { peakToMedianPower } from '../../src/index.js';

describe('peakToMedianPower', () => {
  it('divides the largest power above 0 Hz by the median power above 0 Hz, leaving out DC and NaN', () => {
    const frequency = Float64Array.of(0, 1, 2, 3, 4, 5);
    const power = Float64Array.of(1000, 1, 2, 50, NaN, 3);
    expect(peakToMedianPower(frequency, power)).toBe(50 / 2.5);
  });

  it('is 1 for a flat spectrum and NaN without any frequency above 0 Hz', () => {
    expect(peakToMedianPower(Float64Array.of(0, 1, 2), Float64Array.of(9, 4, 4))).toBe(1);
    expect(peakToMedianPower(Float64Array.of(0), Float64Array.of(1))).toBeNaN();
  });
});
