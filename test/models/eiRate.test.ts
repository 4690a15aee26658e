import { describe, expect, it } from 'vitest';
import { SpikeflowError, classifyFixedPoint, eiFixedPoints, eiJacobian, eiRateConfig, eiRateParams, parseParams } from '../../src/index.js';

describe('eiRate model declaration', () => {
  it('declares every flag of the ei-stability command once, with a default', () => {
    const names = eiRateParams.map((p) => p.name);
    expect(names).toEqual(['tau-e', 'tau-i', 'm-ee', 'm-ei', 'm-ie', 'm-ii', 'gamma-e', 'gamma-i', 'transfer', 'gain-e', 'theta-e', 'gain-i', 'theta-i']);
    expect(new Set(names).size).toBe(names.length);
    for (const spec of eiRateParams) expect(spec.default).toBeDefined();
  });

  it('defaults to the Wilson–Cowan set, whose three fixed points are a stable focus, a saddle and a stable node', () => {
    const config = eiRateConfig(parseParams(eiRateParams, {}));
    expect(config.tauE).toBe(0.001);
    expect(config.transferE).toEqual({ kind: 'sigmoid', gain: 1.2, threshold: 2.8 });
    expect(config.transferI).toEqual({ kind: 'sigmoid', gain: 1, threshold: 4 });
    const { points } = eiFixedPoints(config);
    expect(points.map((p) => classifyFixedPoint(eiJacobian(config, p.vE, p.vI)))).toEqual(['stable focus', 'saddle', 'stable node']);
  });

  it('reads time constants with units into seconds and applies one transfer kind to both populations', () => {
    const config = eiRateConfig(parseParams(eiRateParams, { 'tau-e': '10 ms', 'tau-i': '20ms', transfer: 'threshold-linear', 'm-ei': '-2.5' }));
    expect(config.tauE).toBeCloseTo(0.01, 15);
    expect(config.tauI).toBeCloseTo(0.02, 15);
    expect(config.mEI).toBe(-2.5);
    expect(config.transferE.kind).toBe('threshold-linear');
    expect(config.transferI.kind).toBe('threshold-linear');
  });

  it('rejects an unknown transfer function, a non-positive time constant and a non-positive gain, naming the flag', () => {
    expect(() => parseParams(eiRateParams, { transfer: 'relu' })).toThrow(SpikeflowError);
    expect(() => parseParams(eiRateParams, { transfer: 'relu' })).toThrow(/transfer: expected one of linear, threshold-linear, sigmoid/);
    expect(() => parseParams(eiRateParams, { 'tau-e': '0 ms' })).toThrow(/tau-e/);
    expect(() => parseParams(eiRateParams, { 'gain-i': -1 })).toThrow(/gain-i/);
    expect(() => eiRateConfig({ ...parseParams(eiRateParams, {}), transfer: 'relu' })).toThrow(/transfer/);
  });
});
