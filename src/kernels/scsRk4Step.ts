import { scsJacobianBlock, scsRhs, tanhSlope } from './scsRhs.js';

/** Stage buffers for `scsRk4Step` on n units with k tangent vectors, allocated once and reused. */
export interface ScsScratch {
  readonly n: number;
  readonly k: number;
  readonly stateStages: readonly [Float64Array, Float64Array, Float64Array, Float64Array];
  readonly tangentStages: readonly [Float64Array, Float64Array, Float64Array, Float64Array];
  readonly state: Float64Array;
  readonly tangents: Float64Array;
  readonly rate: Float64Array;
  readonly slope: Float64Array;
  readonly weighted: Float64Array;
}

export function createScsScratch(n: number, k: number): ScsScratch {
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(k) && k >= 0 && k <= n)) {
    throw new RangeError(`createScsScratch: expected integers n ≥ 1 and 0 ≤ k ≤ n, got n ${n}, k ${k}`);
  }
  const states = (): Float64Array => new Float64Array(n);
  const blocks = (): Float64Array => new Float64Array(n * k);
  return {
    n,
    k,
    stateStages: [states(), states(), states(), states()],
    tangentStages: [blocks(), blocks(), blocks(), blocks()],
    state: states(),
    tangents: blocks(),
    rate: states(),
    slope: states(),
    weighted: blocks(),
  };
}

/**
 * One classical RK4 step of the SCS network dh/dt = −h + J·tanh(h) together with k tangent vectors
 * dv/dt = (−1 + J·diag(tanh′(h)))·v, which are integrated with the intermediate states of the same step
 * (the RK4 step of the joint system, so the tangent map is the derivative of the state map).
 *
 * @param coupling J, dense row-major n × n
 * @param h state, advanced in place
 * @param tangents k tangent vectors, column-major (vector c at `[c * n, c * n + n)`), advanced in place
 * @param scratch from `createScsScratch(n, k)`; nothing is allocated
 */
export function scsRk4Step(coupling: Float64Array, h: Float64Array, tangents: Float64Array, dt: number, scratch: ScsScratch): void {
  const { n, k, state, rate, slope, weighted } = scratch;
  const stage = scratch.tangents;
  const [s1, s2, s3, s4] = scratch.stateStages;
  const [t1, t2, t3, t4] = scratch.tangentStages;
  const size = n * k;
  const half = 0.5 * dt;

  scsRhs(coupling, n, h, s1, rate);
  if (k > 0) {
    tanhSlope(h, slope, n);
    scsJacobianBlock(coupling, n, slope, tangents, k, t1, weighted);
  }

  for (let i = 0; i < n; i++) state[i] = h[i] + half * s1[i];
  for (let i = 0; i < size; i++) stage[i] = tangents[i] + half * t1[i];
  scsRhs(coupling, n, state, s2, rate);
  if (k > 0) {
    tanhSlope(state, slope, n);
    scsJacobianBlock(coupling, n, slope, stage, k, t2, weighted);
  }

  for (let i = 0; i < n; i++) state[i] = h[i] + half * s2[i];
  for (let i = 0; i < size; i++) stage[i] = tangents[i] + half * t2[i];
  scsRhs(coupling, n, state, s3, rate);
  if (k > 0) {
    tanhSlope(state, slope, n);
    scsJacobianBlock(coupling, n, slope, stage, k, t3, weighted);
  }

  for (let i = 0; i < n; i++) state[i] = h[i] + dt * s3[i];
  for (let i = 0; i < size; i++) stage[i] = tangents[i] + dt * t3[i];
  scsRhs(coupling, n, state, s4, rate);
  if (k > 0) {
    tanhSlope(state, slope, n);
    scsJacobianBlock(coupling, n, slope, stage, k, t4, weighted);
  }

  const sixth = dt / 6;
  for (let i = 0; i < n; i++) h[i] += sixth * (s1[i] + 2 * (s2[i] + s3[i]) + s4[i]);
  for (let i = 0; i < size; i++) tangents[i] += sixth * (t1[i] + 2 * (t2[i] + t3[i]) + t4[i]);
}
