import { describe, it, expect } from 'vitest';
import { SpikeRecorder, balancedLifConfig, balancedLifDrive, balancedLifParams, createBalancedLifEngine, parseParams, tuneBalancedLifDrive } from '../../src/index.js';

const configOf = (raw: Record<string, unknown>) => balancedLifConfig(parseParams(balancedLifParams, { N: 300, K: 100, ...raw }));

function meanRate(raw: Record<string, unknown>, drive?: number): number {
  const config = configOf(raw);
  const engine = createBalancedLifEngine(config, { dt: 1e-4, seed: 0, threads: 1, drive });
  const spikes = new SpikeRecorder();
  engine.advance(3000, spikes);
  return spikes.length / (config.size * 0.3);
}

describe('--rheobase', () => {
  it('adds V_T to the drive √K·ν̄·J₀·τ_m', () => {
    expect(balancedLifDrive(configOf({ rheobase: 0 }))).toBeCloseTo(Math.sqrt(100) * 10 * 0.01, 15);
    expect(balancedLifDrive(configOf({ rheobase: 1 }))).toBeCloseTo(1 + Math.sqrt(100) * 10 * 0.01, 15);
  });

  it('at K = 100 the seed’s drive √K·I₀ = V_T leaves the network silent, while the rheobase makes it fire', () => {
    expect(meanRate({ rheobase: 0 })).toBe(0);
    expect(meanRate({ rheobase: 1 })).toBeGreaterThan(1);
  });
});

describe('tuneBalancedLifDrive', () => {
  it('finds a drive at which the measured mean rate is the target, within the tolerance', () => {
    const config = configOf({ rheobase: 1 });
    const tuning = tuneBalancedLifDrive(config, { targetRate: 10, dt: 1e-4, seed: 0, transient: 0.1, window: 0.3, tolerance: 0.02 });
    expect(Math.abs(tuning.rate - 10)).toBeLessThanOrEqual(0.2);
    expect(tuning.drive).toBeGreaterThan(config.threshold);
    expect(tuning.trials.at(-1)).toBeDefined();
    // the engine override really uses the tuned drive
    const engine = createBalancedLifEngine(config, { dt: 1e-4, seed: 0, threads: 1, drive: tuning.drive });
    const spikes = new SpikeRecorder();
    engine.advance(1000, spikes);
    spikes.clear();
    engine.advance(3000, spikes);
    expect(spikes.length / (300 * 0.3)).toBeCloseTo(tuning.rate, 6);
  });

  it('reaches a target above the silent seed drive at K = 100 without the rheobase', () => {
    const tuning = tuneBalancedLifDrive(configOf({ rheobase: 0 }), { targetRate: 5, dt: 1e-4, seed: 0, transient: 0.1, window: 0.3, tolerance: 0.05 });
    expect(tuning.drive).toBeGreaterThan(1);
    expect(Math.abs(tuning.rate - 5)).toBeLessThanOrEqual(0.25);
  });
});
