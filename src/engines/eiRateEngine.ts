import type { Engine, EngineState, SpikeRecorder } from '../core/engine.js';
import { invalidParameter } from '../core/errors.js';
import type { EiRateParams } from '../kernels/eiRateField.js';
import { eiRateField } from '../kernels/eiRateField.js';
import { createRk4Scratch, rk4Step, type OdeRhs, type Rk4Scratch } from '../kernels/rk4Step.js';

export interface EiRateEngineOptions {
  readonly params: EiRateParams;
  /** RK4 step in the unit of the time constants (seconds for the CLI). */
  readonly dt: number;
  /** (v_E, v_I) at step 0. */
  readonly initial: readonly [number, number];
}

/**
 * The two-population E–I rate model (Wilson & Cowan 1972; seed 001) integrated by classical RK4.
 * Its two "neurons" are the population rates: index 0 is v_E, index 1 is v_I, recorded as variable `v`.
 * It emits no spikes.
 */
export class EiRateEngine implements Engine {
  readonly size = 2;
  readonly dt: number;
  readonly variables = ['v'] as const;
  step = 0;
  private readonly v: Float64Array;
  private readonly field: OdeRhs;
  private readonly scratch: Rk4Scratch;

  constructor(options: EiRateEngineOptions) {
    const { params, dt, initial } = options;
    if (!(dt > 0 && Number.isFinite(dt))) throw invalidParameter('dt', dt, 'a positive finite step');
    if (!(Number.isFinite(initial[0]) && Number.isFinite(initial[1]))) throw invalidParameter('initial rates', `(${initial[0]}, ${initial[1]})`, 'finite rates');
    this.dt = dt;
    this.v = Float64Array.of(initial[0], initial[1]);
    // The model is autonomous, so the field ignores t.
    this.field = (_t, state, out) => eiRateField(params, state[0], state[1], out);
    this.scratch = createRk4Scratch(2);
  }

  variable(name: string): Float64Array {
    if (name !== 'v') throw invalidParameter('record', name, 'a variable of the E–I rate model: v (index 0 = v_E, 1 = v_I)');
    return this.v;
  }

  advance(steps: number, _spikes: SpikeRecorder): void {
    const { v, field, scratch, dt } = this;
    const end = this.step + steps;
    for (let step = this.step; step < end; step++) rk4Step(field, v, step * dt, dt, scratch);
    this.step = end;
  }

  saveState(): EngineState {
    return { step: this.step, arrays: { v: Float64Array.from(this.v) }, values: {} };
  }

  restoreState(state: EngineState): void {
    this.v.set(state.arrays.v as Float64Array);
    this.step = state.step;
  }
}
