import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { qrInPlace } from '../../src/index.js';

/** Column-major n × k matrices with entries in [−1, 1]. */
const matrices = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.integer({ min: 1, max: n }).chain((k) =>
    fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * k, maxLength: n * k }).map((values) => ({ n, k, values: Float64Array.from(values) })),
  ),
);

function dot(a: Float64Array, i: number, b: Float64Array, j: number, n: number): number {
  let sum = 0;
  for (let r = 0; r < n; r++) sum += a[i * n + r] * b[j * n + r];
  return sum;
}

describe('qrInPlace', () => {
  it('leaves orthonormal columns that reproduce the input as Q·R with R upper triangular and log|R_jj| reported', () => {
    fc.assert(
      fc.property(matrices, ({ n, k, values }) => {
        fc.pre(values.some((v) => Math.abs(v) > 1e-3));
        const q = values.slice();
        const logR = new Float64Array(k);
        qrInPlace(q, n, k, logR);
        fc.pre(logR.every((v) => v > Math.log(1e-6)));
        for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) expect(dot(q, i, q, j, n)).toBeCloseTo(i === j ? 1 : 0, 12);
        for (let j = 0; j < k; j++) {
          // R = Qᵀ·A: below the diagonal zero, on it positive with the reported log.
          for (let i = j + 1; i < k; i++) expect(Math.abs(dot(q, i, values, j, n))).toBeLessThan(1e-12);
          expect(Math.log(dot(q, j, values, j, n))).toBeCloseTo(logR[j], 10);
          for (let r = 0; r < n; r++) {
            let rebuilt = 0;
            for (let i = 0; i <= j; i++) rebuilt += q[i * n + r] * dot(q, i, values, j, n);
            expect(rebuilt).toBeCloseTo(values[j * n + r], 12);
          }
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('stays orthonormal to rounding for nearly parallel columns', () => {
    const n = 50;
    const k = 8;
    const a = new Float64Array(n * k);
    for (let j = 0; j < k; j++) for (let r = 0; r < n; r++) a[j * n + r] = 1 + 1e-7 * Math.sin((j + 1) * (r + 1));
    const logR = new Float64Array(k);
    qrInPlace(a, n, k, logR);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) expect(Math.abs(dot(a, i, a, j, n) - (i === j ? 1 : 0))).toBeLessThan(1e-14);
    expect(logR[0]).toBeCloseTo(Math.log(Math.sqrt(n)), 6);
    for (let j = 1; j < k; j++) expect(logR[j]).toBeLessThan(Math.log(1e-6));
  });

  it('reports a dependent column as log R_jj = −Infinity', () => {
    const a = Float64Array.from([1, 2, 3, 2, 4, 6]);
    const logR = new Float64Array(2);
    qrInPlace(a, 3, 2, logR);
    expect(logR[0]).toBeCloseTo(Math.log(Math.sqrt(14)), 14);
    expect(logR[1] < Math.log(1e-14)).toBe(true);
  });

  it('rejects more columns than rows', () => {
    expect(() => qrInPlace(new Float64Array(6), 2, 3, new Float64Array(3))).toThrow(/k ≤ n/);
  });
});
