import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { from, lastValueFrom, take, toArray, type Observable } from 'rxjs';
import { Table, tableToIPC } from 'apache-arrow';
import {
  balancedLifConfig,
  balancedLifParams,
  collectState,
  columnsToBatch,
  createBalancedLifEngine,
  firingRates,
  isiCv,
  nextUp,
  parseParams,
  populationRate,
  replay,
  replayState,
  RunManifest,
  simulate,
  spikeSchema,
  SpikeflowError,
  stateSchema,
  writeParquet,
  writeParquetFile,
  type Frame,
  type SpikeFrame,
} from '../../src/index.js';

const dt = 1e-4;
let dir: string;
let counter = 0;
const fresh = (name: string) => join(dir, `${name}-${counter++}`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spikeflow-replay-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface LiveRun {
  readonly N: number;
  readonly K: number;
  readonly seed: number;
  readonly T: number;
  readonly liveChunk: number;
}

const build = (run: LiveRun) => () =>
  createBalancedLifEngine(balancedLifConfig(parseParams(balancedLifParams, { N: run.N, K: run.K, rheobase: 1 })), { dt, seed: run.seed });

/** Simulates `run`, writing its spikes as `out/spikes` of a run directory whose manifest records N, T and dt as the CLI does. */
async function recordLive(run: LiveRun, out: string, flushEverySeconds?: number, finish = true): Promise<Frame[]> {
  // the layout the CLI writes: the command and its parsed flag values
  const values = { N: run.N, K: run.K, rheobase: 1, T: run.T, dt, seed: run.seed, chunk: run.liveChunk };
  const manifest = await RunManifest.create(join(out, 'manifest.json'), { command: 'run balanced-lif', values });
  const frames = await lastValueFrom(
    simulate(build(run), { duration: run.T, chunk: run.liveChunk }).pipe(
      writeParquet(join(out, 'spikes'), { manifest, tableName: 'spikes', flushEverySeconds }),
      toArray(),
    ),
  );
  if (finish) await manifest.finish();
  return frames;
}

interface Statistics {
  readonly rates: Float64Array;
  readonly cvs: Float64Array;
  readonly binStarts: Float64Array;
  readonly binRates: Float64Array;
}

async function statistics(frames: Observable<Frame>, binWidth: number): Promise<Statistics> {
  const [rates, cvs, bins] = await Promise.all([
    lastValueFrom(frames.pipe(firingRates())),
    lastValueFrom(frames.pipe(isiCv())),
    lastValueFrom(frames.pipe(populationRate({ binWidth }), toArray())),
  ]);
  return {
    rates,
    cvs,
    binStarts: Float64Array.from(bins.flatMap((bin) => Array.from(bin.t))),
    binRates: Float64Array.from(bins.flatMap((bin) => Array.from(bin.rate))),
  };
}

/** The bytes of a Float64Array, so that comparisons are bit for bit (NaN payloads and signed zeros included). */
const bits = (values: Float64Array) => Array.from(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));

function spikesOf(frames: readonly Frame[]): { neuron: number[]; t: number[] } {
  const spikeFrames = frames.filter((frame): frame is SpikeFrame => frame.kind === 'spikes');
  return { neuron: spikeFrames.flatMap((f) => Array.from(f.neuron)), t: spikeFrames.flatMap((f) => Array.from(f.t)) };
}

async function expectFileError(source: Observable<Frame>, pattern: RegExp): Promise<void> {
  const error = await lastValueFrom(source).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpikeflowError);
  expect((error as SpikeflowError).exitCode).toBe(2);
  expect((error as SpikeflowError).message).toMatch(pattern);
}

describe('replay', () => {
  it('gives bit-identical rates, ISI CVs and population rates to the live run, for any replay chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          N: fc.integer({ min: 100, max: 300 }),
          K: fc.integer({ min: 10, max: 30 }),
          seed: fc.integer({ min: 0, max: 1000 }),
          // a decimal duration as the CLI parses it (0.1234), whose grid end steps · dt may differ in the last bit
          T: fc.integer({ min: 500, max: 2500 }).map((steps) => Number((steps * dt).toFixed(4))),
          liveChunk: fc.integer({ min: 1, max: 600 }).map((steps) => steps * dt),
        }),
        fc.double({ min: 1e-4, max: 0.4, noNaN: true }),
        fc.constantFrom(undefined, 0.013, 0.05),
        fc.integer({ min: 1, max: 100 }).map((steps) => steps * dt),
        fc.boolean(),
        async (run, replayChunk, flushEvery, binWidth, fromDataset) => {
          fc.pre(replayChunk !== run.liveChunk);
          const out = fresh('live');
          const live = await recordLive(run, out, flushEvery);
          const path = fromDataset ? join(out, 'spikes') : out;
          const replayed = await lastValueFrom(replay(path, { chunk: replayChunk }).pipe(toArray()));
          const [a, b] = await Promise.all([statistics(from(live), binWidth), statistics(from(replayed), binWidth)]);
          expect(spikesOf(live).neuron.length).toBeGreaterThan(0);
          expect(bits(b.rates)).toEqual(bits(a.rates));
          expect(bits(b.cvs)).toEqual(bits(a.cvs));
          expect(bits(b.binStarts)).toEqual(bits(a.binStarts));
          expect(bits(b.binRates)).toEqual(bits(a.binRates));
          expect(replayed[0].t0).toBe(0);
          expect(replayed.at(-1)!.t1).toBe(live.at(-1)!.t1);
          expect(replayed.every((frame) => frame.size === run.N)).toBe(true);
        },
      ),
      { seed: 42, numRuns: 10 },
    );
  });

  it('cuts the recording into contiguous frames of chunk seconds holding every spike once, in order', async () => {
    const run = { N: 150, K: 15, seed: 7, T: 0.2, liveChunk: 0.01 };
    const out = fresh('frames');
    const live = await recordLive(run, out, 0.03);
    const frames = await lastValueFrom(replay(out, { chunk: 0.027 }).pipe(toArray()));
    expect(frames.length).toBe(Math.ceil(0.2 / 0.027));
    for (let k = 1; k < frames.length; k++) expect(frames[k].t0).toBe(frames[k - 1].t1);
    for (const frame of frames) for (const t of frame.t) expect(t >= frame.t0 && t < frame.t1).toBe(true);
    expect(spikesOf(frames)).toEqual(spikesOf(live));
  });

  it('replays only the spikes inside a requested window', async () => {
    const run = { N: 120, K: 12, seed: 3, T: 0.2, liveChunk: 0.02 };
    const out = fresh('window');
    const live = spikesOf(await recordLive(run, out, 0.05));
    const frames = await lastValueFrom(replay(out, { t0: 0.061, t1: 0.1337, chunk: 0.01 }).pipe(toArray()));
    expect(frames[0].t0).toBe(0.061);
    expect(frames.at(-1)!.t1).toBe(0.1337);
    const inside = live.t.map((t, i) => [live.neuron[i], t]).filter(([, t]) => t >= 0.061 && t < 0.1337);
    const got = spikesOf(frames);
    expect(got.t.map((t, i) => [got.neuron[i], t])).toEqual(inside);
  });

  it('ends an incomplete run at its last committed part, reading flat manifest parameters too', async () => {
    const run = { N: 120, K: 12, seed: 5, T: 0.1, liveChunk: 0.01 };
    const out = fresh('incomplete');
    const manifest = await RunManifest.create(join(out, 'manifest.json'), { N: run.N, T: 0.5, dt });
    const live = await lastValueFrom(
      simulate(build(run), { duration: run.T, chunk: run.liveChunk }).pipe(
        writeParquet(join(out, 'spikes'), { manifest, tableName: 'spikes', flushEverySeconds: 0.02 }),
        toArray(),
      ),
    );
    const frames = await lastValueFrom(replay(out).pipe(toArray()));
    expect(frames.at(-1)!.t1).toBe(live.at(-1)!.t1);
    expect(spikesOf(frames)).toEqual(spikesOf(live));
  });

  it('replays a single Parquet or Arrow file without a manifest, up to just past its last spike', async () => {
    const neuron = Int32Array.of(3, 0, 3, 1, 0);
    const t = Float64Array.of(0.01, 0.02, 0.02, 0.15, 0.3);
    const batch = columnsToBatch(spikeSchema, { neuron, t });
    const parquet = join(dir, 'plain.parquet');
    const arrow = join(dir, 'plain.arrow');
    await writeParquetFile(parquet, spikeSchema, [batch]);
    await writeFile(arrow, tableToIPC(new Table([batch]), 'file'));
    for (const path of [parquet, arrow]) {
      const frames = await lastValueFrom(replay(path, { chunk: 0.1 }).pipe(toArray()));
      expect(frames.map((f) => f.t0)).toEqual([0, 0.1, 0.2]);
      expect(frames.at(-1)!.t1).toBe(nextUp(0.3));
      expect(frames.every((f) => f.size === 4)).toBe(true);
      expect(spikesOf(frames)).toEqual({ neuron: Array.from(neuron), t: Array.from(t) });
      const sized = await lastValueFrom(replay(path, { size: 10, t1: 1 }).pipe(toArray()));
      expect(sized.length).toBe(10);
      expect(sized.every((f) => f.size === 10)).toBe(true);
    }
  });

  it('waits for held consumer work so that at most maxInFlight frames are pending, and loses none', async () => {
    const out = fresh('flow');
    const live = await recordLive({ N: 100, K: 10, seed: 1, T: 0.05, liveChunk: 0.01 }, out);
    let pending = 0;
    let maxPending = 0;
    let seen = 0;
    const received: Frame[] = [];
    await new Promise<void>((resolve, reject) => {
      replay(out, { chunk: 0.002, maxInFlight: 3 }).subscribe({
        next(frame) {
          pending++;
          maxPending = Math.max(maxPending, pending);
          received.push(frame);
          frame.flow?.hold(
            new Promise((done) => setTimeout(done, 2)).then(() => {
              pending--;
              seen++;
            }),
          );
        },
        error: reject,
        complete: () => resolve(),
      });
    });
    expect(received.length).toBe(25);
    expect(seen).toBe(25);
    expect(maxPending).toBeLessThanOrEqual(3);
    expect(spikesOf(received)).toEqual(spikesOf(live));
  });

  it('stops reading when the subscriber unsubscribes', async () => {
    const out = fresh('take');
    await recordLive({ N: 100, K: 10, seed: 1, T: 0.05, liveChunk: 0.01 }, out);
    const frames = await lastValueFrom(replay(out, { chunk: 0.001 }).pipe(take(3), toArray()));
    expect(frames.map((f) => f.t1)).toEqual([0.001, 0.002, 0.003]);
  });

  it('rejects invalid options at once and unusable files through the error channel, naming the problem', async () => {
    expect(() => replay(dir, { chunk: 0 })).toThrow(/replay chunk: expected a positive finite duration/);
    expect(() => replay(dir, { t0: 2, t1: 1 })).toThrow(/replay t1: expected a time ≥ t0 = 2 s/);
    expect(() => replay(dir, { size: -1 })).toThrow(/replay size/);
    await expectFileError(replay(join(dir, 'missing')), /found nothing at this path/);
    const garbage = join(dir, 'garbage.parquet');
    await writeFile(garbage, 'neuron,t\n1,0.1\n');
    await expectFileError(replay(garbage), /expected a Parquet or Arrow IPC file, found text/);
    const state = join(dir, 'state-table.parquet');
    await writeParquetFile(state, stateSchema, [
      columnsToBatch(stateSchema, { neuron: Int32Array.of(0), t: Float64Array.of(0), value: Float64Array.of(1) }),
    ]);
    await expectFileError(replay(state), /expected a spike table .* found a state table/);
    const unsorted = join(dir, 'unsorted.parquet');
    await writeParquetFile(unsorted, spikeSchema, [columnsToBatch(spikeSchema, { neuron: Int32Array.of(0, 1), t: Float64Array.of(0.2, 0.1) })]);
    await expectFileError(replay(unsorted, { t1: 1 }), /expected rows sorted by time t, found t = 0.1 s after 0.2 s/);
    const outOfRange = join(dir, 'out-of-range.parquet');
    await writeParquetFile(outOfRange, spikeSchema, [columnsToBatch(spikeSchema, { neuron: Int32Array.of(0, 1), t: Float64Array.of(0.1, 0.2) })]);
    await expectFileError(replay(outOfRange, { size: 1, t1: 1 }), /expected neuron indices in \[0, 1\), found 1 at t = 0.2 s/);
    await expectFileError(replayState(unsorted, 'V'), /expected a state table .* found columns neuron: Int32, t: Float64/);
    const empty = fresh('empty');
    await mkdir(empty);
    await expectFileError(replay(empty), /found a directory without manifest.json or parts/);
  });
});

describe('replayState', () => {
  it('turns a recorded long-format state table back into the live state samples, for any chunking', async () => {
    const run = { N: 100, K: 10, seed: 2, T: 0.05, liveChunk: 0.0037 };
    const record = [{ variable: 'V', neurons: [0, 5, 7], every: 3e-4 }];
    const out = fresh('state');
    const live = await lastValueFrom(
      simulate(build(run), { duration: run.T, chunk: run.liveChunk, record }).pipe(
        writeParquet(join(out, 'state'), { state: 'V', flushEverySeconds: 0.01 }),
        collectState('V'),
      ),
    );
    for (const chunk of [0.001, 0.0123, 1]) {
      const frames = await lastValueFrom(replayState(join(out, 'state'), 'V', { chunk }).pipe(toArray()));
      for (let k = 1; k < frames.length; k++) expect(frames[k].t0).toBe(frames[k - 1].t1);
      for (const frame of frames) for (const t of frame.times) expect(t >= frame.t0 && t < frame.t1).toBe(true);
      const replayed = await lastValueFrom(from(frames).pipe(collectState('V')));
      expect(Array.from(replayed.neurons)).toEqual([0, 5, 7]);
      expect(bits(replayed.times)).toEqual(bits(live.times));
      expect(bits(replayed.values)).toEqual(bits(live.values));
    }
  });

  it('rejects samples that do not list the same neurons', async () => {
    const path = join(dir, 'ragged-state.parquet');
    const batch = columnsToBatch(stateSchema, {
      neuron: Int32Array.of(0, 1, 0),
      t: Float64Array.of(0, 0, 0.1),
      value: Float64Array.of(1, 2, 3),
    });
    await writeParquetFile(path, stateSchema, [batch]);
    await expectFileError(replayState(path, 'V', { t1: 1 }), /expected every sample time to list the same 2 neurons/);
  });
});
