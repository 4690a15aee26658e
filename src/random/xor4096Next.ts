/** The state of Brent's xor4096 generator as seedrandom keeps it: 128 words, an index and a Weyl counter. */
export interface Xor4096State {
  readonly X: Int32Array;
  i: number;
  w: number;
}

/**
 * One step of xor4096 (Brent 2006, "Some long-period random number generators using shifts and xors"), exactly as
 * seedrandom's `xor4096` steps it, returning the output as an unsigned 32-bit word: word / 2³² is the `uniform()`
 * the stream would have returned. For loops that draw millions of variates (see `RandomStream.borrowState`).
 */
export function xor4096Next(state: Xor4096State): number {
  const X = state.X;
  const w = (state.w = (state.w + 0x61c88647) | 0);
  let v = X[(state.i + 34) & 127];
  const i = (state.i = (state.i + 1) & 127);
  let t = X[i];
  v ^= v << 13;
  t ^= t << 17;
  v ^= v >>> 15;
  t ^= t >>> 12;
  v = X[i] = v ^ t;
  return (v + (w ^ (w >>> 16))) >>> 0;
}
