import { describe, it, expect } from 'vitest';
import {
  IZHIKEVICH_TYPES,
  IZHIKEVICH_TYPE_NAMES,
  IZHIKEVICH_WEIGHT_PRESETS,
  RandomStreams,
  SpikeflowError,
  izhikevichColumns,
  izhikevichConfig,
  izhikevichParams,
  izhikevichWeights,
  parseParams,
  parseTypePair,
} from '../../src/index.js';

const configOf = (raw: Record<string, unknown> = {}) => izhikevichConfig(parseParams(izhikevichParams, raw));

describe('Izhikevich neuron types', () => {
  it('holds the seven named types of Izhikevich (2003) with their (a, b, c, d)', () => {
    expect(IZHIKEVICH_TYPE_NAMES).toEqual(['RS', 'IB', 'CH', 'FS', 'TC', 'RZ', 'LTS']);
    const table = Object.fromEntries(IZHIKEVICH_TYPE_NAMES.map((name) => [name, [IZHIKEVICH_TYPES[name].a, IZHIKEVICH_TYPES[name].b, IZHIKEVICH_TYPES[name].c, IZHIKEVICH_TYPES[name].d]]));
    expect(table).toEqual({
      RS: [0.02, 0.2, -65, 8],
      IB: [0.02, 0.2, -55, 4],
      CH: [0.02, 0.2, -50, 2],
      FS: [0.1, 0.2, -65, 2],
      TC: [0.02, 0.25, -65, 0.05],
      RZ: [0.1, 0.26, -65, 2],
      LTS: [0.02, 0.25, -65, 2],
    });
  });

  it('parses "E,I" type pairs case-insensitively and names the flag on bad input', () => {
    expect(parseTypePair('types', 'rs, ch')).toEqual(['RS', 'CH']);
    expect(() => parseTypePair('types', 'RS')).toThrow(/types: expected two neuron types "E,I" from RS, IB, CH, FS, TC, RZ, LTS \(e\.g\. RS,LTS\), got "RS"/);
    expect(() => parseTypePair('types', 'RS,XX')).toThrow(SpikeflowError);
  });
});

describe('izhikevichConfig', () => {
  it('defaults to 800 RS and 200 LTS neurons with weights 0.5 and 1 and noise 5 and 2', () => {
    expect(configOf()).toMatchObject({ excitatory: 800, inhibitory: 200, typeE: 'RS', typeI: 'LTS', towardsE: 'CH', towardsI: 'FS', weightE: 0.5, weightI: 1, noiseE: 5, noiseI: 2 });
  });

  it('takes the weight scales of a preset, which explicit w-e and w-i override', () => {
    expect(IZHIKEVICH_WEIGHT_PRESETS).toEqual({
      original: { e: 0.5, i: 1 },
      S1: { e: 0.6, i: 1.6 },
      S2: { e: 0.6, i: 0.6 },
      S3: { e: 0.3, i: 0.1 },
      S4: { e: 0.1, i: 0.1 },
      S5: { e: 0.3, i: 0.2 },
    });
    expect(configOf({ preset: 'S3' })).toMatchObject({ preset: 'S3', weightE: 0.3, weightI: 0.1 });
    expect(configOf({ preset: 'S3', 'w-i': '0.7' })).toMatchObject({ weightE: 0.3, weightI: 0.7 });
    expect(() => configOf({ preset: 'S9' })).toThrow(/preset: expected one of original, S1, S2, S3, S4, S5, got "S9"/);
  });
});

describe('izhikevichColumns', () => {
  it("reproduces Izhikevich's heterogeneity for RS/LTS: c = −65 + 15r², d = 8 − 6r² (E); a = 0.02 + 0.08r, b = 0.25 − 0.05r (I)", () => {
    const config = configOf({ NE: '400', NI: '100' });
    const { a, b, c, d } = izhikevichColumns(config, new RandomStreams(3));
    for (let i = 0; i < 400; i++) {
      const r2 = (c[i] + 65) / 15;
      expect(r2).toBeGreaterThanOrEqual(0);
      expect(r2).toBeLessThan(1);
      expect(d[i]).toBeCloseTo(8 - 6 * r2, 12);
      expect([a[i], b[i]]).toEqual([0.02, 0.2]);
    }
    for (let i = 400; i < 500; i++) {
      const r = (a[i] - 0.02) / 0.08;
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(1);
      expect(b[i]).toBeCloseTo(0.25 - 0.05 * r, 12);
      expect([c[i], d[i]]).toEqual([-65, 2]);
    }
    // r² biases E cells towards RS: its mean is 1/3, so mean c ≈ −65 + 5
    const meanC = Array.from(c.subarray(0, 400)).reduce((s, x) => s + x, 0) / 400;
    expect(Math.abs(meanC + 60)).toBeLessThan(0.6);
  });

  it('keeps every neuron between its type and the target type, and is homogeneous when they coincide', () => {
    const { d } = izhikevichColumns(configOf({ types: 'IB,CH', NE: '50', NI: '50' }), new RandomStreams(1));
    for (let i = 0; i < 50; i++) expect(d[i] >= 2 && d[i] <= 4).toBe(true);
    const homogeneous = izhikevichColumns(configOf({ types: 'RS,FS', 'hetero-towards': 'RS,FS', NE: '5', NI: '5' }), new RandomStreams(1));
    expect(Array.from(homogeneous.c)).toEqual(new Array(10).fill(-65));
    expect(Array.from(homogeneous.d)).toEqual([8, 8, 8, 8, 8, 2, 2, 2, 2, 2]);
  });
});

describe('izhikevichWeights', () => {
  it('is dense and presynaptic-major: E rows in [0, w-e), I rows in (−w-i, 0], with mean ±w/2', () => {
    const config = configOf({ NE: '80', NI: '20' });
    const weights = izhikevichWeights(config, new RandomStreams(7));
    expect(weights.length).toBe(100 * 100);
    let sumE = 0;
    let sumI = 0;
    for (let pre = 0; pre < 100; pre++) {
      for (let post = 0; post < 100; post++) {
        const w = weights[pre * 100 + post];
        if (pre < 80) {
          expect(w >= 0 && w < 0.5).toBe(true);
          sumE += w;
        } else {
          expect(w <= 0 && w > -1).toBe(true);
          sumI += w;
        }
      }
    }
    expect(Math.abs(sumE / 8000 - 0.25)).toBeLessThan(0.01);
    expect(Math.abs(sumI / 2000 + 0.5)).toBeLessThan(0.02);
  });

  it('depends only on the connectivity stream of the seed', () => {
    const config = configOf({ NE: '8', NI: '2' });
    expect(Array.from(izhikevichWeights(config, new RandomStreams(5)))).toEqual(Array.from(izhikevichWeights(config, new RandomStreams(5))));
    const streams = new RandomStreams(5);
    izhikevichColumns(config, streams);
    streams.stream('noise').uniform();
    expect(Array.from(izhikevichWeights(config, streams))).toEqual(Array.from(izhikevichWeights(config, new RandomStreams(5))));
    expect(Array.from(izhikevichWeights(config, new RandomStreams(6)))).not.toEqual(Array.from(izhikevichWeights(config, new RandomStreams(5))));
  });
});
