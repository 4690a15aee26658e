import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lifFreePeriod, lifPhase, lifPhaseMap, lifPhases, lifPotential, lifPotentials } from '../../src/index.js';

/** Drives above the threshold V_T = 1, around the seed's √K·I₀ and the rheobase variant. */
const mapArbitrary = fc
  .record({ tauM: fc.double({ min: 1e-3, max: 0.1, noNaN: true }), excess: fc.double({ min: 1e-3, max: 10, noNaN: true }) })
  .map(({ tauM, excess }) => lifPhaseMap({ tauM, drive: 1 + excess, threshold: 1, reset: 0 }));

/** The exact free flow of τ dV/dt = I − V. */
const freeFlow = (v: number, t: number, tauM: number, drive: number) => drive - (drive - v) * Math.exp(-t / tauM);

describe('lifPhaseMap', () => {
  it('has T_free = τ_m·ln((V_R − I)/(V_T − I)), φ(V_R) = 0 and φ(V_T) = 1', () => {
    const map = lifPhaseMap({ tauM: 0.01, drive: Math.sqrt(1000) * 0.1, threshold: 1, reset: 0 });
    expect(map.freePeriod).toBeCloseTo(0.01 * Math.log((0 - map.drive) / (1 - map.drive)), 15);
    expect(lifFreePeriod(0.01, map.drive, 1, 0)).toBe(map.freePeriod);
    expect(lifPhase(map, 0)).toBe(0);
    expect(lifPhase(map, 1)).toBeCloseTo(1, 14);
    expect(lifPotential(map, 0)).toBe(0);
    expect(lifPotential(map, 1)).toBeCloseTo(1, 14);
  });

  it('round-trips φ⁻¹(φ(V)) = V to 1e-12 over the whole domain V < I', () => {
    fc.assert(
      fc.property(mapArbitrary, fc.double({ min: 1e-9, max: 1, noNaN: true }), fc.double({ min: -1e3, max: 1, noNaN: true }), (map, towardsDrive, below) => {
        // potentials from far below the reset up to just under the drive
        const v = below < 1 ? below : map.drive - towardsDrive * (map.drive - 1);
        const back = lifPotential(map, lifPhase(map, v));
        expect(Math.abs(back - v)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('is strictly increasing in V', () => {
    fc.assert(
      fc.property(mapArbitrary, fc.double({ min: -100, max: 1, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), (map, v, step) => {
        const w = Math.min(v + step, (v + map.drive) / 2 + step / 2);
        fc.pre(w > v && w < map.drive);
        expect(lifPhase(map, w)).toBeGreaterThan(lifPhase(map, v));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('advances uniformly at 1/T_free under the exact free flow between spikes', () => {
    fc.assert(
      fc.property(mapArbitrary, fc.double({ min: -5, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (map, v, fraction) => {
        const phase = lifPhase(map, v);
        fc.pre(phase < 1);
        // stay before the spike: at most until the phase reaches 1
        const t = fraction * (1 - phase) * map.freePeriod;
        const later = lifPhase(map, freeFlow(v, t, map.tauM, map.drive));
        expect(later - phase).toBeCloseTo(t / map.freePeriod, 9);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('gives negative phases below the reset and NaN at or above the drive', () => {
    const map = lifPhaseMap({ tauM: 0.01, drive: 2, threshold: 1, reset: 0 });
    expect(lifPhase(map, -0.5)).toBeLessThan(0);
    expect(lifPhase(map, 2)).toBeNaN();
    expect(lifPhase(map, 3)).toBeNaN();
  });

  it('maps arrays elementwise like the scalar functions', () => {
    const map = lifPhaseMap({ tauM: 0.02, drive: 1.5, threshold: 1, reset: 0 });
    const v = Float64Array.from([-1, 0, 0.3, 0.99]);
    const phases = lifPhases(map, v, new Float64Array(4));
    expect(Array.from(phases)).toEqual(Array.from(v, (x) => lifPhase(map, x)));
    expect(Array.from(lifPotentials(map, phases, new Float64Array(4)))).toEqual(Array.from(phases, (p) => lifPotential(map, p)));
  });

  it('refuses a drive at or below the threshold, where the free neuron never fires', () => {
    expect(() => lifPhaseMap({ tauM: 0.01, drive: 1, threshold: 1, reset: 0 })).toThrow(RangeError);
    expect(lifFreePeriod(0.01, 0.5, 1, 0)).toBe(Infinity);
  });
});
