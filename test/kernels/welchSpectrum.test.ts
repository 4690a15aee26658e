import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { addWelchSamples, spectralPeak, welchDensity, welchSpectrum } from '../../src/index.js';

describe('welchSpectrum', () => {
  it("matches scipy.signal.welch (hann, 50 % overlap, constant detrend, density scaling)", () => {
    // scipy 1.17: welch(x, fs=1000, window='hann', nperseg=12, noverlap=6, nfft=16, detrend='constant', scaling='density')
    const x = Array.from({ length: 40 }, (_, k) => Math.sin(0.3 * k) + 0.5 * Math.cos(0.017 * k * k) + 0.1 * k);
    const scipy = [
      0.00039606029787311625, 0.002448643390074885, 0.0018387854568808898, 0.000346556655418469, 5.6389931065042886e-5,
      1.1168125157748029e-6, 2.640870999111408e-7, 6.616631835752479e-8, 1.0033439376592639e-8,
    ];
    const { frequency, power, segments } = welchDensity(addWelchSamples(welchSpectrum({ segmentLength: 12, sampleRate: 1000 }), x));
    expect(segments).toBe(5);
    expect(Array.from(frequency)).toEqual([0, 62.5, 125, 187.5, 250, 312.5, 375, 437.5, 500]);
    for (let k = 0; k < scipy.length; k++) expect(Math.abs(power[k] - scipy[k])).toBeLessThanOrEqual(1e-12 * scipy[1]);
  });

  it('gives bit-identical spectra however the samples are split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 400 }),
        fc.integer({ min: 2, max: 40 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (samples, segmentLength, rawCuts) => {
          const whole = welchDensity(addWelchSamples(welchSpectrum({ segmentLength, sampleRate: 100 }), samples));
          const cuts = rawCuts.map((c) => c % (samples.length + 1)).sort((a, b) => a - b);
          const state = welchSpectrum({ segmentLength, sampleRate: 100 });
          let start = 0;
          for (const cut of [...cuts, samples.length]) {
            addWelchSamples(state, samples.slice(start, cut));
            start = cut;
          }
          const pieces = welchDensity(state);
          expect(pieces.segments).toBe(whole.segments);
          expect(Array.from(pieces.power)).toEqual(Array.from(whole.power));
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('integrates to the variance of white noise, flat at 2σ²/fs', () => {
    const random = seedrandom('welch/white');
    const sigma = 3;
    const fs = 1000;
    const samples = Float64Array.from({ length: 200_000 }, () => sigma * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
    const { frequency, power } = welchDensity(addWelchSamples(welchSpectrum({ segmentLength: 256, sampleRate: fs }), samples));
    const df = frequency[1];
    const total = power.reduce((a, b) => a + b, 0) * df;
    expect(Math.abs(total / sigma ** 2 - 1)).toBeLessThan(0.02);
    const interior = Array.from(power.subarray(5, power.length - 5));
    const mean = interior.reduce((a, b) => a + b, 0) / interior.length;
    expect(Math.abs(mean / ((2 * sigma ** 2) / fs) - 1)).toBeLessThan(0.02);
  });

  it('finds a sinusoid at its frequency with its power A²/2 under the peak', () => {
    const fs = 1000;
    const amplitude = 2;
    const samples = Float64Array.from({ length: 10_000 }, (_, k) => 5 + amplitude * Math.sin((2 * Math.PI * 40 * k) / fs));
    const { frequency, power } = welchDensity(addWelchSamples(welchSpectrum({ segmentLength: 500, sampleRate: fs }), samples));
    const peak = spectralPeak(frequency, power);
    expect(Math.abs(peak.frequency - 40)).toBeLessThanOrEqual(frequency[1] / 2);
    let band = 0;
    for (let k = peak.index - 4; k <= peak.index + 4; k++) band += power[k] * frequency[1];
    expect(Math.abs(band / (amplitude ** 2 / 2) - 1)).toBeLessThan(0.02);
    // the mean is removed, so nothing of the offset 5 remains at DC
    expect(power[0]).toBeLessThan(1e-6 * peak.power);
  });

  it('gives NaN power before a whole segment and rejects bad options', () => {
    const spectrum = welchDensity(addWelchSamples(welchSpectrum({ segmentLength: 8, sampleRate: 10 }), [1, 2, 3]));
    expect(spectrum.segments).toBe(0);
    expect(Array.from(spectrum.power).every(Number.isNaN)).toBe(true);
    expect(() => welchSpectrum({ segmentLength: 1, sampleRate: 10 })).toThrow(RangeError);
    expect(() => welchSpectrum({ segmentLength: 8, sampleRate: 0 })).toThrow(RangeError);
  });
});
