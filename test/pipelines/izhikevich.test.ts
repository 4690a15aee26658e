import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { from, lastValueFrom } from 'rxjs';
import {
  createIzhikevichNetwork,
  izhikevichConfig,
  izhikevichParams,
  parseParams,
  populationSpectrum,
  runFrames,
  silentProgress,
  type PopulationSpectrumResult,
  type RunContext,
} from '../../src/index.js';
import { izhikevich } from '../../pipelines/izhikevich.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spikeflow-izhikevich-'));
});

async function summaryOf(raw: Record<string, unknown>, name: string): Promise<Record<string, unknown>> {
  const job = await izhikevich.prepare(parseParams(izhikevich.params, raw));
  const context: RunContext = { out: join(dir, name), figures: false, progress: silentProgress, log: () => {} };
  return job.run(context);
}

/** Largest power in [low, high] Hz over the median power of the spiking-noise floor at 100–400 Hz. */
function bandOverFloor(spectrum: PopulationSpectrumResult, low: number, high: number): number {
  let peak = 0;
  const floor: number[] = [];
  for (let k = 0; k < spectrum.frequency.length; k++) {
    const f = spectrum.frequency[k];
    if (f >= low && f <= high) peak = Math.max(peak, spectrum.power[k]);
    if (f >= 100 && f <= 400) floor.push(spectrum.power[k]);
  }
  floor.sort((a, b) => a - b);
  return peak / floor[floor.length >> 1];
}

describe('izhikevich pipeline at default settings (800 RS, 200 LTS, weights 0.5 and −1)', () => {
  it('fires E at 6.5–8.5 Hz and I at 5.5–9 Hz with a population rhythm in the alpha–gamma range', async () => {
    for (const seed of [1, 2]) {
      const summary = await summaryOf({ T: '3', seed: String(seed) }, `default-${seed}`);
      expect(summary.rate_e_hz).toBeGreaterThan(6.5);
      expect(summary.rate_e_hz).toBeLessThan(8.5);
      expect(summary.rate_i_hz).toBeGreaterThan(5.5);
      expect(summary.rate_i_hz).toBeLessThan(9);
      expect(summary.pop_peak_hz).toBeGreaterThanOrEqual(5);
      expect(summary.pop_peak_hz).toBeLessThanOrEqual(45);
      expect(summary.spectrum_segments).toBe(11);
      // population bursts: far more synchronous than the 1/√1000 ≈ 0.03 of independent neurons
      expect(summary.chi).toBeGreaterThan(0.08);
    }
  });

  it('has both rhythms of the seed: alpha (~8–10 Hz) and gamma (~25–45 Hz) peaks far above the noise floor', async () => {
    for (const seed of [1, 2]) {
      const engine = createIzhikevichNetwork(izhikevichConfig(parseParams(izhikevichParams, {})), { seed });
      const spectrum = await lastValueFrom(from(runFrames(engine, { duration: 3 })).pipe(populationSpectrum({ binWidth: 0.001, segment: 0.5 })));
      expect(bandOverFloor(spectrum, 5, 12)).toBeGreaterThan(15);
      expect(bandOverFloor(spectrum, 25, 45)).toBeGreaterThan(10);
    }
  });

  it('gives the same summary for any frame chunking', async () => {
    const pick = (s: Record<string, unknown>) => [s.spikes, s.rate_e_hz, s.rate_i_hz, s.cv_e, s.cv_i, s.pop_peak_hz, s.pop_peak_power, s.chi];
    const a = await summaryOf({ T: '0.6', seed: '4', NE: '160', NI: '40', chunk: '0.1' }, 'chunk-a');
    const b = await summaryOf({ T: '0.6', seed: '4', NE: '160', NI: '40', chunk: '0.037' }, 'chunk-b');
    expect(pick(b)).toEqual(pick(a));
    expect(a.spikes).toBeGreaterThan(0);
  });

  it('weakens synchrony as the weights shrink from S1 to S4', async () => {
    const s1 = await summaryOf({ T: '2', seed: '1', preset: 'S1' }, 'S1');
    const s4 = await summaryOf({ T: '2', seed: '1', preset: 'S4' }, 'S4');
    expect(s1).toMatchObject({ preset: 'S1', w_e: 0.6, w_i: 1.6 });
    expect(s4).toMatchObject({ preset: 'S4', w_e: 0.1, w_i: 0.1 });
    expect(s1.chi as number).toBeGreaterThan(2 * (s4.chi as number));
  });
});
