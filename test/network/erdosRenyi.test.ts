import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RandomStream, erdosRenyi, synapseCount } from '../../src/index.js';

describe('erdosRenyi', () => {
  it('never connects a neuron to itself and keeps targets sorted and in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1000 }), (size, p, seed) => {
        const csr = erdosRenyi(size, p, new RandomStream(seed, 'connectivity'));
        for (let pre = 0; pre < size; pre++) {
          for (let k = csr.offsets[pre]; k < csr.offsets[pre + 1]; k++) {
            expect(csr.targets[k]).not.toBe(pre);
            expect(csr.targets[k]).toBeLessThan(size);
            if (k > csr.offsets[pre]) expect(csr.targets[k]).toBeGreaterThan(csr.targets[k - 1]);
          }
        }
      }),
      { seed: 2, numRuns: 60 },
    );
  });

  it('draws the same network in WebAssembly as in JavaScript and leaves the stream at the same point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.double({ min: 1e-4, max: 0.999, noNaN: true }), fc.integer({ min: 0, max: 1000 }), (size, p, seed) => {
        const wasmStream = new RandomStream(seed, 'connectivity');
        const jsStream = new RandomStream(seed, 'connectivity');
        const inWasm = erdosRenyi(size, p, wasmStream);
        const inJs = erdosRenyi(size, p, jsStream, { wasm: false });
        expect(inWasm.offsets).toEqual(inJs.offsets);
        expect(inWasm.targets).toEqual(inJs.targets);
        expect(wasmStream.uniform()).toBe(jsStream.uniform());
      }),
      { seed: 3, numRuns: 40 },
    );
    // 32-bit targets; the first (N = 70 000) also outgrows its first capacity, which holds fewer than N − 1 spare slots
    for (const [size, p] of [[70000, 2e-5], [300, 0.9999]] as const) {
      const inWasm = erdosRenyi(size, p, new RandomStream(5, 'c'));
      const inJs = erdosRenyi(size, p, new RandomStream(5, 'c'), { wasm: false });
      expect(inWasm.targets).toBeInstanceOf(size > 65536 ? Int32Array : Uint16Array);
      expect(inWasm.targets).toEqual(inJs.targets);
      expect(inWasm.offsets).toEqual(inJs.offsets);
    }
  });

  it('gives in-degrees distributed as Binomial(N − 1, p)', () => {
    const size = 2000;
    const p = 0.05;
    const csr = erdosRenyi(size, p, new RandomStream(1, 'connectivity'));
    const inDegree = new Float64Array(size);
    for (let k = 0; k < synapseCount(csr); k++) inDegree[csr.targets[k]]++;
    const n = size - 1;
    let mean = 0;
    for (const d of inDegree) mean += d;
    mean /= size;
    let variance = 0;
    for (const d of inDegree) variance += (d - mean) ** 2;
    variance /= size - 1;
    expect(mean).toBeCloseTo(n * p, 0);
    // sample variance of 2000 binomials: relative standard error ≈ √(2/N) ≈ 3%
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.9);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.1);
    // a chi-square goodness of fit over the central bins
    const counts = new Map<number, number>();
    for (const d of inDegree) counts.set(d, (counts.get(d) ?? 0) + 1);
    let chi2 = 0;
    let bins = 0;
    let logPmf = n * Math.log1p(-p);
    for (let k = 0; k <= n; k++) {
      if (k > 0) logPmf += Math.log((n - k + 1) / k) + Math.log(p / (1 - p));
      const expected = size * Math.exp(logPmf);
      if (expected < 10) continue;
      chi2 += ((counts.get(k) ?? 0) - expected) ** 2 / expected;
      bins++;
    }
    // 99.9% quantile of chi-square with ~40 degrees of freedom is about 73
    expect(chi2).toBeLessThan(bins + 4 * Math.sqrt(2 * bins));
  });

  it('connects every ordered pair when p = 1 and none when p = 0', () => {
    const full = erdosRenyi(5, 1, new RandomStream(0, 'c'));
    expect(synapseCount(full)).toBe(20);
    expect(synapseCount(erdosRenyi(5, 0, new RandomStream(0, 'c')))).toBe(0);
  });

  it('uses 16-bit targets up to 65536 neurons', () => {
    expect(erdosRenyi(100, 0.1, new RandomStream(0, 'c')).targets).toBeInstanceOf(Uint16Array);
  });
});
