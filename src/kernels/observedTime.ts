/**
 * Simulated time covered by a sequence of frames, as an `{init, add, value}` reducer. Contiguous frames extend
 * one span, whose length is taken once (t1_last − t0_first), so the total is bit-identical for every chunking of
 * an uninterrupted recording; gaps start a new span.
 */
export interface ObservedTime {
  closed: number;
  start: number;
  end: number;
}

export const observedTime = {
  init(): ObservedTime {
    return { closed: 0, start: NaN, end: NaN };
  },
  add(state: ObservedTime, t0: number, t1: number): void {
    if (t0 === state.end) {
      state.end = t1;
      return;
    }
    if (state.end === state.end) state.closed += state.end - state.start;
    state.start = t0;
    state.end = t1;
  },
  value(state: ObservedTime): number {
    return state.end === state.end ? state.closed + (state.end - state.start) : 0;
  },
};
