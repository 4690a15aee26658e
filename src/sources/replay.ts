import type { Observable } from 'rxjs';
import { invalidFile, invalidParameter } from '../core/errors.js';
import type { SpikeFrame, StateFrame } from '../core/frame.js';
import { withFlow } from './withFlow.js';
import { nextUp } from '../kernels/nextUp.js';
import { locateTable, readPartRows, type RecordedKind, type RecordedPart, type RecordedRows, type RecordedTable } from './recordedTable.js';

export interface ReplayOptions {
  /** Seconds of recording per frame. Default 0.1, the simulation's default chunk; it never changes any statistic. */
  readonly chunk?: number;
  /** Replay start in seconds (inclusive). Default: the recording's start (see {@link replay}). */
  readonly t0?: number;
  /** Replay end in seconds (exclusive). Default: the recording's end (see {@link replay}). */
  readonly t1?: number;
  /** Neurons in the population. Default: the run's `N`, else the largest recorded neuron index + 1. */
  readonly size?: number;
  /** Frames whose held work (see `FlowTicket.hold`) may still be pending before the replay waits. Default 4. */
  readonly maxInFlight?: number;
}

export type ReplayStateOptions = Omit<ReplayOptions, 'size'>;

/** Chunk ends this close (in chunks) below `t1` are snapped to `t1` so float rounding never leaves a sliver frame. */
const CHUNK_TOLERANCE = 1e-9;

/**
 * Replays a recorded spike table as the same stream of spike frames a live simulation emits, so every operator
 * works on recorded data as on live data: frame k covers `[t0 + k·chunk, t0 + (k+1)·chunk)`, the last one ends
 * exactly at `t1`, and every chunk yields a frame even when it holds no spike.
 *
 * `path` is a run directory (its `spikes` table), a dataset directory of part files, or a single `.parquet` or
 * `.arrow` file with columns `neuron` (integer) and `t` (float, seconds, sorted). Unless given in `options`:
 * - a run whose manifest records `T` (in its params or, as the CLI writes them, in `params.values`) is replayed over
 *   `[0, T)`, with `T` rounded to the `dt` grid exactly as the simulation computed its last frame end
 *   (`steps · dt`), and `size` is the manifest's `N`. An incomplete run ends at its last committed part, since
 *   nothing after it was recorded;
 * - otherwise the window is the recorded span: the run manifest's part spans, else the spans spikeflow stores in
 *   each part's footer, else `[0, nextUp(last spike time))` (or from the first spike time when it is negative),
 *   and `size` is the largest neuron index + 1 (too small when the highest neurons never fired: give `size` when
 *   population averages matter). These defaults cost one extra pass over the parts.
 *
 * Parts are read one at a time and sliced into frames with typed-array views (a frame spanning two parts is one
 * copy), so memory stays bounded by about one part plus one frame whatever the recording's length. Frames carry a
 * flow ticket as in `simulate()`: a consumer may `hold` asynchronous work and the replay waits while more than
 * `maxInFlight` frames are held. Frame columns are views into the decoded part: do not modify them.
 *
 * @example
 * ```ts
 * const rates = await lastValueFrom(replay('results/run-1', { chunk: 0.5 }).pipe(firingRates()));
 * ```
 * @param path run directory, dataset directory, or spike table file
 * @param options chunk length, replay window, population size and flow limit
 * @returns a cold Observable of spike frames; file problems (missing, unreadable, not a spike table, unsorted
 *   times, neuron indices outside `[0, size)`) arrive as SpikeflowError (exit 2) through the error channel
 * @throws SpikeflowError (exit 2) at once when an option is invalid
 */
export function replay(path: string, options: ReplayOptions = {}): Observable<SpikeFrame> {
  const { chunk, maxInFlight } = checkOptions(options);
  if (options.size !== undefined && !(Number.isInteger(options.size) && options.size >= 0)) {
    throw invalidParameter('replay size', options.size, 'an integer ≥ 0');
  }
  return withFlow(maxInFlight, async function* () {
    const table = await locateTable(path, ['spikes']);
    const window = await resolveWindow(table, 'spikes', options);
    const size = window.size;
    const cursor = new RowCursor(table, 'spikes', window);
    await cursor.takeBefore(window.t0);
    for (const [start, end] of frameBounds(window.t0, window.t1, chunk)) {
      const rows = await cursor.takeBefore(end);
      const neuron = rows.neuron;
      for (let i = 0; i < neuron.length; i++) {
        if (!(neuron[i] >= 0 && neuron[i] < size)) {
          throw invalidFile(table.path, `expected neuron indices in [0, ${size}), found ${neuron[i]} at t = ${rows.t[i]} s`);
        }
      }
      const frame: SpikeFrame = { kind: 'spikes', t0: start, t1: end, size, neuron, t: rows.t };
      yield frame;
    }
  });
}

/**
 * Replays a recorded state table in long format (`neuron: int32, t: float64, value: float64`, one row per sample
 * time and neuron, sample by sample, as written to `DIR/state/`) as state frames of `variable`, one per chunk,
 * exactly like {@link replay} does for spikes (same window rules, bounded memory and flow control). Each frame's
 * `values` is row-major, sample by sample; every sample time must list the same neurons in the same order.
 * Chunks before the first sample carry an empty `neurons` array.
 *
 * @example
 * ```ts
 * const trace = await lastValueFrom(replayState('results/run-1/state', 'V').pipe(collectState('V')));
 * ```
 * @param path run directory (its `state/<variable>` or `state` table), dataset directory or state table file
 * @param variable the name the frames carry, e.g. `'V'`
 * @param options chunk length, replay window and flow limit
 */
export function replayState(path: string, variable: string, options: ReplayStateOptions = {}): Observable<StateFrame> {
  const { chunk, maxInFlight } = checkOptions(options);
  return withFlow(maxInFlight, async function* () {
    const table = await locateTable(path, [`state/${variable}`, variable, 'state']);
    const window = await resolveWindow(table, 'state', options);
    const cursor = new RowCursor(table, 'state', window);
    await cursor.takeBefore(window.t0);
    const layout: SampleLayout = { neurons: undefined, lastTime: Number.NEGATIVE_INFINITY };
    for (const [start, end] of frameBounds(window.t0, window.t1, chunk)) {
      const rows = await cursor.takeBefore(end);
      yield stateFrame(table.path, variable, start, end, rows, layout);
    }
  });
}

function checkOptions(options: ReplayStateOptions): { chunk: number; maxInFlight: number } {
  const chunk = options.chunk ?? 0.1;
  const maxInFlight = options.maxInFlight ?? 4;
  if (!(chunk > 0 && Number.isFinite(chunk))) throw invalidParameter('replay chunk', chunk, 'a positive finite duration in seconds');
  if (!(Number.isInteger(maxInFlight) && maxInFlight >= 1)) throw invalidParameter('replay maxInFlight', maxInFlight, 'an integer ≥ 1');
  const { t0, t1 } = options;
  if (t0 !== undefined && !Number.isFinite(t0)) throw invalidParameter('replay t0', t0, 'a finite time in seconds');
  if (t1 !== undefined && !Number.isFinite(t1)) throw invalidParameter('replay t1', t1, 'a finite time in seconds');
  if (t0 !== undefined && t1 !== undefined && t1 < t0) throw invalidParameter('replay t1', t1, `a time ≥ t0 = ${t0} s`);
  return { chunk, maxInFlight };
}

interface Window {
  readonly t0: number;
  readonly t1: number;
  readonly size: number;
}

async function resolveWindow(table: RecordedTable, kind: RecordedKind, options: ReplayOptions): Promise<Window> {
  let { t0, t1, size } = options;
  const last = table.parts.at(-1);
  if (table.run !== undefined) {
    const { complete } = table.run.manifest;
    const params = runValues(table.run.manifest.params);
    if (size === undefined && kind === 'spikes' && Number.isInteger(params.N) && (params.N as number) >= 0) size = params.N as number;
    const T = params.T;
    if (typeof T === 'number' && T >= 0) {
      const dt = params.dt;
      // the simulation's last frame ends at steps · dt, which can differ from T in the last bit
      const planned = typeof dt === 'number' && dt > 0 ? Math.round(T / dt) * dt : T;
      t0 ??= 0;
      t1 ??= complete ? planned : Math.min(planned, last?.t1 ?? 0);
    } else if (last !== undefined) {
      t0 ??= table.parts[0].t0;
      t1 ??= last.t1;
    }
  }
  if (t0 === undefined || t1 === undefined || (size === undefined && kind === 'spikes')) {
    const scan = await scanParts(table.parts, kind);
    t0 ??= scan.firstSpan?.t0 ?? (scan.minT < 0 ? scan.minT : 0);
    t1 ??= scan.lastSpan?.t1 ?? (scan.rows > 0 ? nextUp(scan.maxT) : t0);
    size ??= scan.maxNeuron + 1;
  }
  if (t1 < t0) {
    const which = options.t1 !== undefined ? 'replay t1' : 'replay t0';
    const value = options.t1 !== undefined ? t1 : t0;
    throw invalidParameter(which, value, `a window inside the recording of ${table.path}, which ends at ${t1} s`);
  }
  return { t0, t1, size: size ?? 0 };
}

/** Run parameters as recorded by the CLI (`{command, values}`) or flat (`{N, T, dt}`), flattened. */
function runValues(params: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const values = params.values;
  return typeof values === 'object' && values !== null && !Array.isArray(values) ? { ...params, ...values } : params;
}

interface Scan {
  rows: number;
  minT: number;
  maxT: number;
  maxNeuron: number;
  firstSpan?: { t0: number; t1: number };
  lastSpan?: { t0: number; t1: number };
}

/** One pass over the parts, one at a time, for the defaults that only the data can give. */
async function scanParts(parts: readonly RecordedPart[], kind: RecordedKind): Promise<Scan> {
  const scan: Scan = { rows: 0, minT: Number.POSITIVE_INFINITY, maxT: Number.NEGATIVE_INFINITY, maxNeuron: -1 };
  for (let p = 0; p < parts.length; p++) {
    const rows = await readPartRows(parts[p].path, kind);
    if (p === 0) scan.firstSpan = rows.span;
    if (p === parts.length - 1) scan.lastSpan = rows.span;
    const { neuron, t } = rows;
    let { minT, maxT, maxNeuron } = scan;
    for (let i = 0; i < t.length; i++) {
      if (t[i] < minT) minT = t[i];
      if (t[i] > maxT) maxT = t[i];
    }
    for (let i = 0; i < neuron.length; i++) if (neuron[i] > maxNeuron) maxNeuron = neuron[i];
    Object.assign(scan, { minT, maxT, maxNeuron, rows: scan.rows + t.length });
  }
  return scan;
}

/** `[start, end)` of each frame; each end is reused as the next start so frames are exactly contiguous. */
function* frameBounds(t0: number, t1: number, chunk: number): Generator<[number, number]> {
  const frames = t1 > t0 ? Math.max(1, Math.ceil((t1 - t0) / chunk - CHUNK_TOLERANCE)) : 0;
  let start = t0;
  for (let k = 0; k < frames; k++) {
    // boundaries from k·chunk rather than a running sum, so rounding does not accumulate over long replays
    const end = k === frames - 1 ? t1 : t0 + (k + 1) * chunk;
    yield [start, end];
    start = end;
  }
}

const emptyRows: RecordedRows = { neuron: new Int32Array(0), t: new Float64Array(0), value: new Float64Array(0) };

/**
 * Walks a table's rows in time order, loading one part at a time: `takeBefore(end)` returns the rows not yet taken
 * whose time is before `end`, as views into the current part (one copy when they span parts).
 */
class RowCursor {
  private readonly parts: readonly RecordedPart[];
  private readonly kind: RecordedKind;
  private next = 0;
  private current: RecordedRows | undefined;
  private currentPath = '';
  private position = 0;
  private previous = Number.NEGATIVE_INFINITY;

  constructor(table: RecordedTable, kind: RecordedKind, window: Window) {
    // parts whose recorded span lies wholly outside the window are never read
    this.parts = table.parts.filter((part) => !(part.t1 !== undefined && part.t1 <= window.t0) && !(part.t0 !== undefined && part.t0 >= window.t1));
    this.kind = kind;
  }

  async takeBefore(end: number): Promise<RecordedRows> {
    const pieces: RecordedRows[] = [];
    while (true) {
      if (this.current === undefined || this.position === this.current.t.length) {
        if (this.next === this.parts.length) break;
        const path = this.parts[this.next++].path;
        // drop the finished part before decoding the next, so at most one decoded part is held (plus taken views)
        this.current = undefined;
        this.current = await readPartRows(path, this.kind);
        this.currentPath = path;
        this.position = 0;
        continue;
      }
      const t = this.current.t;
      let previous = this.previous;
      let i = this.position;
      while (i < t.length && t[i] < end && t[i] >= previous) previous = t[i++];
      if (i < t.length && !(t[i] >= previous)) {
        throw invalidFile(this.currentPath, `expected rows sorted by time t, found t = ${t[i]} s after ${previous} s (row ${i})`);
      }
      this.previous = previous;
      if (i > this.position) pieces.push(sliceRows(this.current, this.position, i));
      this.position = i;
      if (i < t.length) break;
    }
    if (pieces.length === 0) return emptyRows;
    return pieces.length === 1 ? pieces[0] : concatRows(pieces);
  }
}

function sliceRows(rows: RecordedRows, start: number, end: number): RecordedRows {
  return {
    neuron: rows.neuron.subarray(start, end),
    t: rows.t.subarray(start, end),
    value: rows.value?.subarray(start, end),
  };
}

function concatRows(pieces: readonly RecordedRows[]): RecordedRows {
  let length = 0;
  for (const piece of pieces) length += piece.t.length;
  const neuron = new Int32Array(length);
  const t = new Float64Array(length);
  const value = pieces[0].value === undefined ? undefined : new Float64Array(length);
  let offset = 0;
  for (const piece of pieces) {
    neuron.set(piece.neuron, offset);
    t.set(piece.t, offset);
    if (value !== undefined) value.set(piece.value!, offset);
    offset += piece.t.length;
  }
  return { neuron, t, value };
}

interface SampleLayout {
  /** The neurons of every sample, fixed by the first sample replayed. */
  neurons: Int32Array | undefined;
  lastTime: number;
}

function stateFrame(path: string, variable: string, t0: number, t1: number, rows: RecordedRows, layout: SampleLayout): StateFrame {
  const count = rows.t.length;
  if (count > 0 && layout.neurons === undefined) {
    let width = 1;
    while (width < count && rows.t[width] === rows.t[0]) width++;
    layout.neurons = rows.neuron.slice(0, width);
  }
  const neurons = layout.neurons ?? new Int32Array(0);
  const width = neurons.length;
  const samples = width === 0 ? 0 : Math.floor(count / width);
  const times = new Float64Array(samples);
  const mismatch = (row: number) =>
    invalidFile(path, `expected every sample time to list the same ${width} neurons in the same order, found a different layout at t = ${rows.t[row]} s`);
  if (samples * width !== count) throw mismatch(samples * width);
  for (let s = 0; s < samples; s++) {
    const base = s * width;
    const time = rows.t[base];
    if (!(time > layout.lastTime)) throw mismatch(base);
    for (let k = 0; k < width; k++) {
      if (rows.t[base + k] !== time || rows.neuron[base + k] !== neurons[k]) throw mismatch(base + k);
    }
    times[s] = time;
    layout.lastTime = time;
  }
  return { kind: 'state', variable, t0, t1, times, neurons, values: rows.value ?? new Float64Array(0) };
}
