import { describe, expect, it } from 'vitest';
import { correlationFixedPoint, correlationMap, lengthFixedPoint } from '../../src/index.js';
import { deepPropagation, pairedInputs, predictedPropagation } from '../../pipelines/deepPropagation.js';

describe('deep propagation', () => {
  it('builds two inputs with exactly the requested squared length and correlation', () => {
    const width = 50;
    const h = pairedInputs(width, 2.5, 0.9, 3);
    let q1 = 0;
    let q2 = 0;
    let q12 = 0;
    for (let i = 0; i < width; i++) {
      q1 += h[i] ** 2 / width;
      q2 += h[width + i] ** 2 / width;
      q12 += (h[i] * h[width + i]) / width;
    }
    expect(q1).toBeCloseTo(2.5, 12);
    expect(q2).toBeCloseTo(2.5, 12);
    expect(q12 / Math.sqrt(q1 * q2)).toBeCloseTo(0.9, 12);
  });

  it('predicts the c-map iteration at q* and converges to c*', () => {
    const qStar = lengthFixedPoint(2.5, 0.3);
    const { c, q } = predictedPropagation(2.5, 0.3, qStar, 0.99, 60);
    for (let l = 0; l < 5; l++) {
      expect(q[l + 1]).toBeCloseTo(qStar, 9);
      expect(c[l + 1]).toBeCloseTo(correlationMap(c[l], qStar, 2.5, 0.3), 9);
    }
    expect(c[60]).toBeCloseTo(correlationFixedPoint(2.5, 0.3), 4);
  });

  it('measures the simulated correlation close to the prediction on both sides of the boundary', async () => {
    for (const sigmaW of [1, 2.5]) {
      const run = await deepPropagation({ sigmaW, sigmaB: 0.3, width: 400, depth: 8, c0: 0.9, seed: 1, trials: 2 });
      expect(Array.from(run.layer)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      expect(run.c[0]).toBeCloseTo(0.9, 12);
      // finite width: c fluctuates by O(1/√N) per layer around the mean-field value
      for (let l = 0; l <= 8; l++) expect(Math.abs(run.c[l] - run.cPredicted[l])).toBeLessThan(0.1);
      if (sigmaW === 1) expect(run.c[8]).toBeGreaterThan(0.99);
      else expect(run.c[8]).toBeLessThan(0.6);
    }
  });
});
