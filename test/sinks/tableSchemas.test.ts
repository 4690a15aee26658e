import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { columnsToBatch, edgeSchema, spikeFrameToBatch, spikeSchema, stateFrameToBatch, stateSchema } from '../../src/index.js';
import type { SpikeFrame, StateFrame } from '../../src/index.js';

describe('table schemas and frame conversions', () => {
  it('declare the project tables with non-nullable columns', () => {
    const describe = (fields: readonly { name: string; type: unknown; nullable: boolean }[]) =>
      fields.map((f) => `${f.name}:${String(f.type)}${f.nullable ? '?' : ''}`);
    expect(describe(spikeSchema.fields)).toEqual(['neuron:Int32', 't:Float64']);
    expect(describe(stateSchema.fields)).toEqual(['neuron:Int32', 't:Float64', 'value:Float64']);
    expect(describe(edgeSchema(false).fields)).toEqual(['pre:Int32', 'post:Int32']);
    expect(describe(edgeSchema(true).fields)).toEqual(['pre:Int32', 'post:Int32', 'weight:Float64']);
  });

  it('wrap a spike frame without copying its arrays', () => {
    const frame: SpikeFrame = { kind: 'spikes', t0: 0, t1: 0.1, size: 10, neuron: Int32Array.of(3, 1), t: Float64Array.of(0.01, 0.02) };
    const batch = spikeFrameToBatch(frame);
    expect(batch.numRows).toBe(2);
    expect((batch.getChild('neuron')!.toArray() as Int32Array).buffer).toBe(frame.neuron.buffer);
    expect((batch.getChild('t')!.toArray() as Float64Array).buffer).toBe(frame.t.buffer);
    expect(Array.from(batch.getChild('neuron')!.toArray() as Int32Array)).toEqual([3, 1]);
  });

  it('lay a state frame out in long format: sample by sample, neuron by neuron, values as given', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { maxLength: 6 }),
        fc.array(fc.double({ noNaN: true }), { maxLength: 5 }),
        (neurons, times) => {
          const values = Float64Array.from({ length: neurons.length * times.length }, (_, i) => i * 0.5 - 3);
          const frame: StateFrame = {
            kind: 'state',
            variable: 'V',
            t0: 0,
            t1: 1,
            times: Float64Array.from(times),
            neurons: Int32Array.from(neurons),
            values,
          };
          const batch = stateFrameToBatch(frame);
          expect(batch.numRows).toBe(values.length);
          const neuron = batch.getChild('neuron')!.toArray() as Int32Array;
          const t = batch.getChild('t')!.toArray() as Float64Array;
          for (let s = 0; s < times.length; s++) {
            for (let k = 0; k < neurons.length; k++) {
              expect(neuron[s * neurons.length + k]).toBe(neurons[k]);
              expect(t[s * neurons.length + k]).toBe(times[s]);
            }
          }
          const value = batch.getChild('value')!.toArray() as Float64Array;
          expect(value.buffer).toBe(values.buffer);
          expect(value).toEqual(values);
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it('reject columns that are missing, of the wrong type or of unequal length', () => {
    expect(() => columnsToBatch(spikeSchema, { neuron: Int32Array.of(1) })).toThrow('columns: expected a column named t, got "neuron"');
    expect(() => columnsToBatch(spikeSchema, { neuron: Float64Array.of(1), t: Float64Array.of(1) })).toThrow(
      'column neuron: expected a Int32Array for Int32, got "Float64Array"',
    );
    expect(() => columnsToBatch(spikeSchema, { neuron: Int32Array.of(1, 2), t: Float64Array.of(1) })).toThrow(
      'column t length: expected 2, the length of the other columns, got 1',
    );
    const frame: StateFrame = { kind: 'state', variable: 'V', t0: 0, t1: 1, times: Float64Array.of(0, 1), neurons: Int32Array.of(0, 1), values: new Float64Array(3) };
    expect(() => stateFrameToBatch(frame)).toThrow('state frame values length: expected times × neurons = 2 × 2, got 3');
  });
});
