// The seed-000 engine alone, without the CLI: one thread (wasm), two threads (wasm) and the JavaScript loops, each
// advancing T = 5 s in chunks of 1000 steps into a SpikeRecorder, three times per variant. Run after `npm run build`:
//   node bench/engine.mjs [single|parallel|js|parallel-js ...]
import { ClockLifEngine, ParallelClockLifEngine, SpikeRecorder } from '../dist/src/index.js';
import { seed000Options } from './seed000.mjs';

const options = seed000Options();
const variants = {
  single: () => new ClockLifEngine(options),
  parallel: () => new ParallelClockLifEngine(options, 2),
  js: () => new ClockLifEngine({ ...options, wasm: false }),
  'parallel-js': () => new ParallelClockLifEngine({ ...options, wasm: false }, 2),
};
const chosen = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(variants);
for (const name of chosen) {
  const seconds = [];
  let spikes = 0;
  for (let run = 0; run < 3; run++) {
    const engine = variants[name]();
    const recorder = new SpikeRecorder();
    engine.advance(1, recorder);
    const started = performance.now();
    for (let chunk = 0; chunk < 50; chunk++) engine.advance(chunk === 0 ? 999 : 1000, recorder);
    seconds.push((performance.now() - started) / 1000);
    spikes = recorder.length;
    await engine.dispose?.();
  }
  console.log(`${name.padEnd(12)} ${seconds.map((s) => s.toFixed(3)).join(' ')} s   spikes ${spikes}`);
}
