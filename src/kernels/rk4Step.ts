/** The right-hand side of dx/dt = f(t, x): writes f(t, state) into `out` (same length as `state`), allocating nothing. */
export type OdeRhs = (t: number, state: Float64Array, out: Float64Array) => void;

/** The stage buffers of one RK4 step, allocated once per system size and reused for every step. */
export interface Rk4Scratch {
  readonly k1: Float64Array;
  readonly k2: Float64Array;
  readonly k3: Float64Array;
  readonly k4: Float64Array;
  readonly stage: Float64Array;
}

export function createRk4Scratch(size: number): Rk4Scratch {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`createRk4Scratch: expected an integer size ≥ 1, got ${size}`);
  return {
    k1: new Float64Array(size),
    k2: new Float64Array(size),
    k3: new Float64Array(size),
    k4: new Float64Array(size),
    stage: new Float64Array(size),
  };
}

/**
 * Advances `state` in place from t to t + dt by the classical fourth-order Runge–Kutta method.
 * `scratch` must come from `createRk4Scratch(state.length)`; nothing is allocated.
 */
export function rk4Step(f: OdeRhs, state: Float64Array, t: number, dt: number, scratch: Rk4Scratch): void {
  const { k1, k2, k3, k4, stage } = scratch;
  const n = state.length;
  const half = 0.5 * dt;
  f(t, state, k1);
  for (let i = 0; i < n; i++) stage[i] = state[i] + half * k1[i];
  f(t + half, stage, k2);
  for (let i = 0; i < n; i++) stage[i] = state[i] + half * k2[i];
  f(t + half, stage, k3);
  for (let i = 0; i < n; i++) stage[i] = state[i] + dt * k3[i];
  f(t + dt, stage, k4);
  const sixth = dt / 6;
  for (let i = 0; i < n; i++) state[i] += sixth * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
}
