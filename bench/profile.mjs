// Where the time of the seed-000 run goes: connectivity, the update+threshold loop alone, full steps
// (update, threshold, delivery, reset, recording), frame building and Parquet encoding of the spikes.
// Median of BENCH_RUNS (default 3) repetitions of each stage on the full network (N = 10000, K = 1000, T = 5 s).
import { ClockLifEngine, RandomStreams, SpikeRecorder, balancedLifNetwork, instantiateLifClock, spikeFrameToBatch, spikeSchema, wasmArena } from '../dist/src/index.js';
import { encodeParquet } from '../dist/src/sinks/parquetCodec.js';
import { seed000Config, seed000Options } from './seed000.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const steps = 50000;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const time = (work) => {
  const samples = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    result = work();
    samples.push((performance.now() - started) / 1000);
  }
  return { seconds: median(samples), result };
};

const connectivity = time(() => balancedLifNetwork(seed000Config, new RandomStreams(0)));
const options = seed000Options(connectivity.result);
const v0 = options.v0;

const updateOnly = time(() => {
  const V = Float64Array.from(v0);
  const rate = options.dt / options.tauM;
  let crossings = 0;
  for (let step = 0; step < steps; step++) {
    for (let i = 0; i < V.length; i++) {
      const v = V[i] + rate * (options.drive - V[i]);
      if (v >= 1) {
        crossings++;
        V[i] = 0;
      } else V[i] = v;
    }
  }
  return crossings;
});

const updateOnlyWasm = time(() => {
  const { memory, arrays } = wasmArena({ V: [Float64Array, v0.length], list: [Int32Array, v0.length] });
  arrays.V.set(v0);
  const kernel = instantiateLifClock(memory);
  const rate = options.dt / options.tauM;
  let crossings = 0;
  for (let step = 0; step < steps; step++) {
    const count = kernel.update(arrays.V.byteOffset, v0.length, rate, options.drive, options.threshold, arrays.list.byteOffset, 0);
    kernel.reset(arrays.V.byteOffset, arrays.list.byteOffset, count, 0, options.reset);
    crossings += count;
  }
  return crossings;
});

/** Every step of the engine, spikes recorded chunk by chunk; `wasm: false` runs the JavaScript loops. */
const runEngine = (wasm) => {
  const engine = new ClockLifEngine({ ...options, wasm });
  const recorder = new SpikeRecorder();
  const all = { neuron: [], step: [] };
  for (let done = 0; done < steps; done += 1000) {
    recorder.clear();
    engine.advance(1000, recorder);
    all.neuron.push(recorder.neuron.finish());
    all.step.push(recorder.step.finish());
  }
  return all;
};
const fullStepsJs = time(() => runEngine(false));
const fullSteps = time(() => runEngine(true));

const frames = time(() =>
  fullSteps.result.neuron.map((neuron, k) => {
    const stepsOfChunk = fullSteps.result.step[k];
    const t = new Float64Array(stepsOfChunk.length);
    for (let j = 0; j < t.length; j++) t[j] = stepsOfChunk[j] * 1e-4;
    return spikeFrameToBatch({ kind: 'spikes', t0: k * 0.1, t1: (k + 1) * 0.1, size: 10000, neuron, t });
  }),
);
const parquet = time(() => encodeParquet(spikeSchema, frames.result, { compression: 'zstd' }).byteLength);
const spikes = fullSteps.result.neuron.reduce((n, a) => n + a.length, 0);

const rows = [
  ['connectivity (Erdős–Rényi, 10⁷ synapses)', connectivity.seconds],
  ['update + threshold only, JavaScript loop (no delivery)', updateOnly.seconds],
  ['full steps, JavaScript loops: update, threshold, delivery, reset, recording', fullStepsJs.seconds],
  ['  of which delivery + reset + recording (difference)', fullStepsJs.seconds - updateOnly.seconds],
  ['update + threshold + reset only, WebAssembly kernel (no delivery)', updateOnlyWasm.seconds],
  ['full steps, WebAssembly kernel (what runs on one thread)', fullSteps.seconds],
  ['  of which delivery + recording (difference)', fullSteps.seconds - updateOnlyWasm.seconds],
  ['spike frames → Arrow record batches', frames.seconds],
  [`Parquet (ZSTD) encoding of ${spikes} spikes`, parquet.seconds],
];
for (const [name, seconds] of rows) console.log(`${name.padEnd(78)} ${seconds.toFixed(3)} s`);
console.log(`synaptic events: ${(spikes * 1000).toExponential(2)} (≈ spikes × K); Parquet bytes: ${parquet.result}`);
