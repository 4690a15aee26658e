import { describe, expect, it } from 'vitest';
import { parseQuantity, toSI, SpikeflowError } from '../../src/index.js';

describe('units', () => {
  it('converts unit strings to SI', () => {
    expect(toSI('tau-m', '20 ms', 'time')).toBeCloseTo(0.02, 15);
    expect(toSI('I', '0.44 nA', 'current')).toBeCloseTo(0.44e-9, 20);
    expect(toSI('rate', '10 Hz', 'frequency')).toBe(10);
    expect(toSI('J', '0.1 mV', 'voltage')).toBeCloseTo(1e-4, 18);
    expect(toSI('g', '20nS', 'conductance')).toBeCloseTo(2e-8, 20);
    expect(toSI('C', '0.4 nF', 'capacitance')).toBeCloseTo(4e-10, 20);
  });

  it('takes bare numbers as SI', () => {
    expect(toSI('dt', '0.0001', 'time')).toBe(1e-4);
    expect(toSI('dt', 2, 'time')).toBe(2);
  });

  it('names the parameter and both dimensions on a mismatch', () => {
    expect(() => toSI('tau-m', '3 nA', 'time')).toThrow(SpikeflowError);
    expect(() => toSI('tau-m', '3 nA', 'time')).toThrow('tau-m expects a time, got a current');
  });

  it('rejects unknown units and non-numbers', () => {
    expect(() => toSI('T', '5 parsecs', 'time')).toThrow(/^T: .*parsecs/);
    expect(() => toSI('T', 'abc', 'time')).toThrow(/^T: expected a time/);
    expect(parseQuantity('1e-3 s')?.value).toBe(1e-3);
  });
});
