import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fftInPlace, fftPlan, isPowerOfTwo, nextPowerOfTwo } from '../../src/index.js';

/** O(n²) transform from the definition X[k] = Σ_j x[j]·e^{−2πijk/n}. */
function naiveDft(re: number[], im: number[]): { re: number[]; im: number[] } {
  const n = re.length;
  const outRe = new Array<number>(n).fill(0);
  const outIm = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      const angle = (-2 * Math.PI * ((j * k) % n)) / n;
      outRe[k] += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
      outIm[k] += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
    }
  }
  return { re: outRe, im: outIm };
}

const signal = fc.integer({ min: 0, max: 8 }).chain((bits) =>
  fc.tuple(
    fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2 ** bits, maxLength: 2 ** bits }),
    fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2 ** bits, maxLength: 2 ** bits }),
  ),
);

describe('fftInPlace', () => {
  it('equals the discrete Fourier transform from its definition', () => {
    fc.assert(
      fc.property(signal, ([re, im]) => {
        const n = re.length;
        const outRe = Float64Array.from(re);
        const outIm = Float64Array.from(im);
        fftInPlace(fftPlan(n), outRe, outIm);
        const reference = naiveDft(re, im);
        const tolerance = 1e-10 * n * 100;
        for (let k = 0; k < n; k++) {
          expect(Math.abs(outRe[k] - reference.re[k])).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(outIm[k] - reference.im[k])).toBeLessThanOrEqual(tolerance);
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it("conserves energy (Parseval's theorem)", () => {
    fc.assert(
      fc.property(signal, ([re, im]) => {
        const n = re.length;
        const outRe = Float64Array.from(re);
        const outIm = Float64Array.from(im);
        fftInPlace(fftPlan(n), outRe, outIm);
        let time = 0;
        let frequency = 0;
        for (let k = 0; k < n; k++) {
          time += re[k] ** 2 + im[k] ** 2;
          frequency += outRe[k] ** 2 + outIm[k] ** 2;
        }
        expect(Math.abs(frequency / n - time)).toBeLessThanOrEqual(1e-9 * (1 + time));
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('puts a cosine of k cycles into bins k and n − k', () => {
    const n = 1024;
    const re = Float64Array.from({ length: n }, (_, j) => Math.cos((2 * Math.PI * 37 * j) / n));
    const im = new Float64Array(n);
    fftInPlace(fftPlan(n), re, im);
    for (let k = 0; k < n; k++) {
      const magnitude = Math.hypot(re[k], im[k]);
      expect(magnitude).toBeCloseTo(k === 37 || k === n - 37 ? n / 2 : 0, 8);
    }
  });

  it('rejects lengths that are not powers of two or do not match the plan', () => {
    expect(() => fftPlan(12)).toThrow(/power of two length, got 12/);
    expect(() => fftInPlace(fftPlan(8), new Float64Array(4), new Float64Array(4))).toThrow(/length 8/);
  });
});

describe('isPowerOfTwo and nextPowerOfTwo', () => {
  it('recognise powers of two and round up to them', () => {
    expect([1, 2, 64, 1024].every(isPowerOfTwo)).toBe(true);
    expect([0, 3, 12, 1.5, -4].some(isPowerOfTwo)).toBe(false);
    expect([1, 2, 3, 500, 1000, 1024, 1025].map(nextPowerOfTwo)).toEqual([1, 2, 4, 512, 1024, 1024, 2048]);
  });
});
