import { describe, expect, it } from 'vitest';
import {
  SpikeRecorder,
  balancedLifConfig,
  balancedLifDrive,
  balancedLifWeight,
  createBalancedLifEngine,
  type BalancedLifConfig,
  type Csr,
  type Engine,
} from '../../src/index.js';
import { referenceLifRun } from '../helpers/exactLifReference.js';

function configOf(size: number, inDegree: number): BalancedLifConfig {
  return balancedLifConfig({ N: size, K: inDegree, rate: 10, J0: 1, 'tau-m': 0.01, 'v-threshold': 1, 'v-reset': 0, rheobase: 1, connectivity: 'erdos-renyi' });
}

/** Spike times (s) of every neuron, in order. */
function trains(engine: Engine, steps: number): number[][] {
  const recorder = new SpikeRecorder();
  engine.advance(steps, recorder);
  const byNeuron: number[][] = Array.from({ length: engine.size }, () => []);
  const neuron = recorder.neuron.view();
  const step = recorder.step.view();
  for (let k = 0; k < neuron.length; k++) byNeuron[neuron[k]].push(step[k] * engine.dt);
  return byNeuron;
}

/**
 * The first order-ambiguous pulse of the exact run from the engine's current state: a pulse reaching a neuron
 * within 2·dt (before or after) of its own threshold crossing, where the clock grid can merge both into one step.
 */
function firstAmbiguity(engine: Engine & { csr: Csr }, config: BalancedLifConfig, duration: number, window: number): { time: number; spikes: number } {
  const run = referenceLifRun({
    csr: engine.csr,
    v0: Float64Array.from(engine.variable('V')),
    tauM: config.tauM,
    drive: balancedLifDrive(config),
    threshold: config.threshold,
    reset: config.reset,
    weight: balancedLifWeight(config),
    duration,
    window,
    stopAtAmbiguity: true,
  });
  return { time: run.firstAmbiguity, spikes: run.t.length };
}

describe('clock engine → event engine as dt → 0', () => {
  it('agrees within 2·dt plus forward-Euler drift up to the first order-ambiguous event (N = 200, K = 20, 50 ms, dt = 0.01 ms)', () => {
    const config = configOf(200, 20);
    const dt = 1e-5;
    const duration = 0.05;
    const steps = Math.round(duration / dt);
    let compared = 0;
    let withinTwoSteps = 0;
    let longest = 0;
    for (let seed = 0; seed < 10; seed++) {
      const event = createBalancedLifEngine(config, { dt, seed, engine: 'event' });
      const cutoff = firstAmbiguity(event, config, duration, 2 * dt).time;
      const clock = createBalancedLifEngine(config, { dt, seed, engine: 'clock', threads: 1 });
      const exact = trains(event, steps);
      const grid = trains(clock, steps);
      longest = Math.max(longest, Math.min(cutoff, duration));
      for (let i = 0; i < config.size; i++) {
        for (let k = 0; k < exact[i].length && exact[i][k] < cutoff; k++) {
          const previous = k > 0 ? exact[i][k - 1] : 0;
          // Euler's decay factor 1 − dt/τ falls short of e^{−dt/τ} by (dt/τ)²/2 per step, so the clock reaches the
          // threshold early by (t − t_prev)·dt/(2τ): O(dt), but more than one step once t − t_prev > 2τ
          const drift = ((exact[i][k] - previous) * dt) / (2 * config.tauM);
          const difference = Math.abs(exact[i][k] - grid[i][k]);
          expect(difference).toBeLessThanOrEqual(2 * dt + drift);
          if (difference <= 2 * dt) withinTwoSteps++;
          compared++;
        }
        // a clock spike well before the cutoff has an exact partner
        const clockBefore = grid[i].filter((t) => t < cutoff - 4 * dt).length;
        expect(exact[i].filter((t) => t < cutoff).length).toBeGreaterThanOrEqual(clockBefore);
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(withinTwoSteps / compared).toBeGreaterThan(0.99);
    expect(longest).toBeGreaterThan(0.02);
  });

  it('reaches the first ambiguous event sooner in larger and denser networks', () => {
    const dt = 1e-5;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
    const times = [
      [200, 20],
      [1000, 100],
    ].map(([size, inDegree]) => {
      const config = configOf(size, inDegree);
      const found: number[] = [];
      for (let seed = 0; seed < 7; seed++) {
        const engine = createBalancedLifEngine(config, { dt, seed, engine: 'event' });
        engine.advance(Math.round(0.1 / dt), new SpikeRecorder()); // settle past the initial transient
        found.push(firstAmbiguity(engine, config, 0.5, 2 * dt).time);
      }
      return median(found);
    });
    // the rate of ambiguous pulses grows like N·K (pulses per second times the chance of a target near threshold)
    expect(times[1]).toBeLessThan(times[0] / 5);
  });
});

/**
 * The table of bench/README.md ("Order-ambiguous events"): `SPIKEFLOW_AMBIGUITY_TABLE=1 npx vitest run
 * test/engines/eventLifConvergence.test.ts`. Medians over seeds of the time from a settled state to the first
 * order-ambiguous pulse, for the windows 2·dt of dt = 0.01 ms and 0.1 ms.
 */
// registered only on request, so that the suite neither runs nor reports it as skipped
if (process.env.SPIKEFLOW_AMBIGUITY_TABLE) describe('time to the first order-ambiguous event', () => {
  it('prints the table', () => {
    const seeds = 10;
    const settle = 0.2;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
    const rows: string[] = ['| N | K | rheobase | rate (Hz) | window 20 µs: t (ms) | spikes before | N·K·t (s) | window 200 µs: t (ms) | spikes before |', '|---|---|---|---|---|---|---|---|---|'];
    const cases: [number, number, number][] = [
      [200, 20, 1], [1000, 20, 1], [10000, 20, 1],
      [1000, 100, 1], [10000, 100, 1],
      [2000, 1000, 1], [10000, 1000, 1], [10000, 1000, 0],
    ];
    for (const [size, inDegree, rheobase] of cases) {
      const config = balancedLifConfig({ N: size, K: inDegree, rate: 10, J0: 1, 'tau-m': 0.01, 'v-threshold': 1, 'v-reset': 0, rheobase, connectivity: 'erdos-renyi' });
      const fine: { time: number; spikes: number }[] = [];
      const coarse: { time: number; spikes: number }[] = [];
      let rate = 0;
      for (let seed = 0; seed < seeds; seed++) {
        const engine = createBalancedLifEngine(config, { dt: 1e-4, seed, engine: 'event' });
        const recorder = new SpikeRecorder();
        engine.advance(Math.round(settle / 1e-4), recorder);
        const late = Array.from(recorder.step.view()).filter((s) => s * 1e-4 >= settle / 2).length;
        rate += late / (size * (settle / 2)) / seeds;
        fine.push(firstAmbiguity(engine, config, 1, 2e-5));
        coarse.push(firstAmbiguity(engine, config, 1, 2e-4));
      }
      const tFine = median(fine.map((r) => r.time));
      const tCoarse = median(coarse.map((r) => r.time));
      rows.push(
        `| ${size} | ${inDegree} | ${rheobase} | ${rate.toFixed(1)} | ${(tFine * 1e3).toPrecision(3)} | ${median(fine.map((r) => r.spikes))} | ${(size * inDegree * tFine).toPrecision(3)} | ${(tCoarse * 1e3).toPrecision(3)} | ${median(coarse.map((r) => r.spikes))} |`,
      );
    }
    console.log(rows.join('\n'));
  }, 600_000);
});
