import { describe, it, expect } from 'vitest';
import { meanOf } from '../../src/index.js';

describe('meanOf', () => {
  it('averages the values', () => {
    expect(meanOf(Float64Array.of(1, 2, 3, 6))).toBe(3);
    expect(meanOf([0.5])).toBe(0.5);
  });

  it('lets NaN propagate by default, like numpy.mean', () => {
    expect(meanOf([1, NaN, 3])).toBeNaN();
  });

  it('skips NaN values on request, like numpy.nanmean', () => {
    expect(meanOf([1, NaN, 3], { skipNaN: true })).toBe(2);
  });

  it('is NaN for an empty input and for an all-NaN input with skipNaN', () => {
    expect(meanOf([])).toBeNaN();
    expect(meanOf([NaN, NaN], { skipNaN: true })).toBeNaN();
  });
});
