import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatNumber } from '../../src/index.js';

describe('formatNumber', () => {
  it('writes three significant digits without trailing zeros', () => {
    expect(formatNumber(6.1)).toBe('6.1');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(12345)).toBe('12300');
    expect(formatNumber(0.0123456)).toBe('0.0123');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0.5)).toBe('-0.5');
  });

  it('switches to exponent notation for very large and very small magnitudes', () => {
    expect(formatNumber(123456)).toBe('1.23e5');
    expect(formatNumber(1e-6)).toBe('1e-6');
    expect(formatNumber(-2.5e-7, 2)).toBe('-2.5e-7');
    expect(formatNumber(NaN)).toBe('NaN');
  });

  it('round-trips to within the stated precision', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }).filter((v) => v !== 0), (v) => {
        expect(Math.abs(Number(formatNumber(v)) - v)).toBeLessThanOrEqual(Math.abs(v) * 5e-3);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
