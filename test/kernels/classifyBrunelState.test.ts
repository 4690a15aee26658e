import { describe, it, expect } from 'vitest';
import { classifyBrunelState } from '../../src/index.js';

describe('classifyBrunelState', () => {
  // features measured on the full-size network (N = 12 500, T = 1 s, transient 0.1 s, seed 1)
  it('labels the four states of Brunel (2000, Fig. 8)', () => {
    expect(classifyBrunelState({ meanRate: 312.7, meanCv: 0.001, chi: 0.525, peakFrequency: 625, peakToMedian: 3e6 })).toBe('SR');
    expect(classifyBrunelState({ meanRate: 60.1, meanCv: 0.847, chi: 0.243, peakFrequency: 175.8, peakToMedian: 372 })).toBe('SI-fast');
    expect(classifyBrunelState({ meanRate: 37.8, meanCv: 0.395, chi: 0.107, peakFrequency: 113.3, peakToMedian: 33.9 })).toBe('AI');
    expect(classifyBrunelState({ meanRate: 5.12, meanCv: 0.495, chi: 0.123, peakFrequency: 19.5, peakToMedian: 171 })).toBe('SI-slow');
  });

  it('calls a silent network quiescent and regular asynchronous firing AR', () => {
    expect(classifyBrunelState({ meanRate: 0, meanCv: NaN, chi: NaN, peakFrequency: NaN, peakToMedian: NaN })).toBe('Q');
    expect(classifyBrunelState({ meanRate: 224.7, meanCv: 0.1, chi: 0.109, peakFrequency: 644, peakToMedian: 60 })).toBe('AR');
  });

  it('needs the slow peak to stand out before calling the state SI-slow', () => {
    expect(classifyBrunelState({ meanRate: 10, meanCv: 0.8, chi: 0.05, peakFrequency: 20, peakToMedian: 3 })).toBe('AI');
  });

  it('needs both synchrony and a pronounced oscillation for SI-fast, as with Erdős–Rényi connectivity at (6, 4)', () => {
    expect(classifyBrunelState({ meanRate: 57.4, meanCv: 0.603, chi: 0.182, peakFrequency: 175.8, peakToMedian: 314 })).toBe('SI-fast');
    expect(classifyBrunelState({ meanRate: 65.8, meanCv: 0.389, chi: 0.152, peakFrequency: 168, peakToMedian: 54.5 })).toBe('AI');
  });
});
