import { describe, expect, it } from 'vitest';
import { parseNumberList } from '../../pipelines/numberList.js';

describe('parseNumberList', () => {
  it('parses comma-separated numbers with spaces', () => {
    expect(parseNumberList('m0-list', '0.1, 0.2,0.3')).toEqual([0.1, 0.2, 0.3]);
    expect(parseNumberList('N-list', '100,200', { integer: true, min: 2 })).toEqual([100, 200]);
  });

  it('rejects empty lists, empty entries, non-integers and values below the bound in one line', () => {
    expect(() => parseNumberList('N-list', '', { integer: true })).toThrow(/N-list: expected a comma-separated list of integers, got ""/);
    expect(() => parseNumberList('N-list', '10,,20', { integer: true })).toThrow(/N-list/);
    expect(() => parseNumberList('N-list', '10.5', { integer: true })).toThrow(/integers/);
    expect(() => parseNumberList('K-list', '0,5', { min: 0, minInclusive: false })).toThrow(/numbers > 0/);
  });
});
