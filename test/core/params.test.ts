import { describe, expect, it } from 'vitest';
import { parseParam, parseParams, balancedLifParams, runParams, type NumberParam } from '../../src/index.js';

const N: NumberParam = { name: 'N', kind: 'integer', min: 1, minInclusive: true, description: 'neurons' };
const dt: NumberParam = { name: 'dt', kind: 'number', dimension: 'time', min: 0, description: 'step' };

describe('parameter parsing', () => {
  it.each(['abc', 'NaN', 'Infinity', '-Infinity', '0', '-5', '2.5', ''])('rejects N = %j with a line naming N and what it expects', (raw) => {
    expect(() => parseParam(N, raw)).toThrow(/^N: expected an integer ≥ 1, got/);
  });

  it.each(['0', '-1 ms', 'NaN', 'Infinity'])('rejects dt = %j as not a positive time', (raw) => {
    expect(() => parseParam(dt, raw)).toThrow(/^dt: expected a time > 0, got/);
  });

  it('converts units and fills defaults', () => {
    const values = parseParams([...balancedLifParams, ...runParams], { 'tau-m': '20 ms', dt: '0.05 ms' });
    expect(values['tau-m']).toBeCloseTo(0.02, 15);
    expect(values.dt).toBeCloseTo(5e-5, 18);
    expect(values.N).toBe(10000);
    expect(values.T).toBe(5);
  });

  it('checks choices of string parameters', () => {
    expect(() => parseParams(balancedLifParams, { connectivity: 'small-world' })).toThrow(/^connectivity: expected one of erdos-renyi, fixed-indegree/);
  });
});
