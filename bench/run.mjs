// The benchmark suite: each case runs as its own process, once to warm the file cache and then BENCH_RUNS times
// (default 3); the table shows medians. Results go to bench/results.json. Cases with a target also run the C
// calibration right before each of their runs, and are judged by the median ratio of the two, side by side: this
// machine's speed drifts too much between cases for one calibration to serve them all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin/spikeflow.js');
const out = join(root, 'bench/out');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const only = process.argv.slice(2);
const cores = availableParallelism();

const list = spawnSync(process.execPath, [cli, 'list'], { encoding: 'utf8' }).stdout;
const has = (verb, name) => list.includes(`spikeflow ${verb} ${name}\n`);

/** Wall time of the C calibration when the targets were set. */
const CALIBRATION_REFERENCE_S = 0.94;

/** Each case: a CLI invocation (summary.json gives simulation time, spikes, events, RSS) or a script printing JSON. */
const cases = [
  { name: 'seed-000 clock, 1 thread', run: ['run', 'balanced-lif', '--threads', '1'], simulated: 5, target: 1.6 },
  { name: `seed-000 clock, ${cores} threads`, run: ['run', 'balanced-lif', '--threads', String(cores)], simulated: 5, target: 1.0 },
  { name: 'seed-000 event engine', run: ['run', 'balanced-lif', '--engine', 'event'], simulated: 5, target: 3 * 1.6, needs: () => /--engine\s/.test(list) },
  { name: 'Brunel C (g=5, η=2), N=12500, 1 s', run: ['run', 'brunel', '--g', '5', '--eta', '2', '--T', '1'], simulated: 1, target: 3.0, needs: () => has('run', 'brunel') },
  { name: 'Izhikevich network, 10 s', run: ['run', 'izhikevich', '--T', '10'], simulated: 10, needs: () => has('run', 'izhikevich') },
  { name: 'SCS rate network N=1000, T=100', run: ['analyze', 'rate-chaos', '--N', '1000', '--g', '2', '--T', '100'], simulated: 100, needs: () => has('analyze', 'rate-chaos') },
  { name: 'connectivity, 10⁷ synapses', script: 'bench/connectivity.mjs', target: 0.3, targetOn: 'simulation' },
  // the targets were set when this C loop took 0.94 s here; see bench/README.md
  { name: 'hand-written C -O3, seed-000 (calibration)', native: 'bench/reference/balancedLif.c', calibration: CALIBRATION_REFERENCE_S, needs: () => (calibrationReady ??= compileReference()) },
];

/** Compiles the C calibration once; false (case skipped) where no C compiler is installed. */
function compileReference() {
  const binary = join(out, 'balancedLif-reference');
  const result = spawnSync('cc', ['-O3', '-march=native', '-o', binary, join(root, 'bench/reference/balancedLif.c'), '-lm'], { encoding: 'utf8' });
  return result.status === 0;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

let calibrationReady;
/** Wall time of one run of the C calibration, or undefined without a C compiler. */
function calibrate() {
  calibrationReady ??= compileReference();
  if (!calibrationReady) return undefined;
  const started = performance.now();
  const result = spawnSync(join(out, 'balancedLif-reference'), [], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return (performance.now() - started) / 1000;
}

function runOnce(spec, index) {
  const started = performance.now();
  let summary;
  if (spec.script || spec.native) {
    const result = spec.native
      ? spawnSync(join(out, 'balancedLif-reference'), [], { encoding: 'utf8' })
      : spawnSync(process.execPath, [join(root, spec.script)], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr.trim());
    summary = JSON.parse(result.stdout);
  } else {
    const dir = join(out, `case-${index}`);
    rmSync(dir, { recursive: true, force: true });
    const result = spawnSync(process.execPath, [cli, ...spec.run, '--no-figures', '--out', dir], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr.trim());
    summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  }
  const wall = (performance.now() - started) / 1000;
  return { wall, simulation: summary.simulation_wall_s ?? NaN, spikes: summary.spikes ?? NaN, events: summary.synaptic_events ?? NaN, rss: summary.peak_rss_mb ?? NaN, summary };
}

mkdirSync(out, { recursive: true });
const results = [];
for (const [index, spec] of cases.entries()) {
  if (only.length && !only.some((word) => spec.name.toLowerCase().includes(word.toLowerCase()))) continue;
  if (spec.needs && !spec.needs()) {
    results.push({ case: spec.name, skipped: 'not available in this build' });
    continue;
  }
  try {
    runOnce(spec, index);
    const sideBySide = spec.target !== undefined;
    const samples = Array.from({ length: runs }, () => {
      const calibration = sideBySide ? calibrate() : undefined;
      return { ...runOnce(spec, index), calibration };
    });
    const wall = median(samples.map((s) => s.wall));
    const simulation = median(samples.map((s) => s.simulation));
    const last = samples.at(-1);
    const judged = (sample) => (spec.targetOn === 'simulation' ? sample.simulation : sample.wall);
    const measured = judged({ wall, simulation });
    const paired = samples.filter((s) => s.calibration !== undefined);
    const ratio = paired.length > 0 ? median(paired.map((s) => judged(s) / s.calibration)) : undefined;
    results.push({
      case: spec.name,
      wall_s: wall,
      simulation_s: simulation,
      simulated_per_wall: spec.simulated ? spec.simulated / wall : undefined,
      synaptic_events_per_s: last.events / simulation,
      spikes_per_s: last.spikes / simulation,
      peak_rss_mb: median(samples.map((s) => s.rss)),
      target_s: spec.target,
      measured_s: measured,
      meets_target: spec.target === undefined ? undefined : measured <= spec.target,
      runs,
      samples_wall_s: samples.map((s) => +s.wall.toFixed(3)),
      calibration_reference_s: spec.calibration,
      mean_rate_hz: last.summary.mean_rate_hz,
      // side by side: the case's time over the C calibration's run just before it, against the target over 0.94 s
      ratio_to_calibration: ratio,
      target_ratio_to_calibration: ratio === undefined ? undefined : spec.target / CALIBRATION_REFERENCE_S,
      meets_target_side_by_side: ratio === undefined ? undefined : ratio <= spec.target / CALIBRATION_REFERENCE_S,
      samples_calibration_s: paired.length > 0 ? paired.map((s) => +s.calibration.toFixed(3)) : undefined,
    });
  } catch (error) {
    results.push({ case: spec.name, failed: String(error.message ?? error).split('\n')[0] });
  }
}

// Machine speed now relative to when the targets were set: the C calibration's wall time over its 0.94 s.
const calibration = results.find((r) => r.calibration_reference_s !== undefined && r.wall_s !== undefined);
const machine = calibration ? calibration.wall_s / calibration.calibration_reference_s : undefined;
for (const r of results) {
  if (machine === undefined || r.target_s === undefined || r.measured_s === undefined) continue;
  r.target_on_this_machine_s = r.target_s * machine;
  r.meets_target_on_this_machine = r.measured_s <= r.target_on_this_machine_s;
}

const fmt = (value, digits = 2) => (value === undefined || Number.isNaN(value) ? '–' : Number(value).toPrecision(digits + 1));
const yes = (flag) => (flag === undefined ? '' : flag ? 'yes' : 'NO');
const header = ['case', 'wall s', 'sim s', 'sim-s/wall-s', 'syn events/s', 'spikes/s', 'peak RSS MB', 'target s', 'ok', 'target × machine', 'ok', '÷ C (side by side)', 'target ÷ 0.94', 'ok'];
const rows = results.map((r) =>
  r.skipped || r.failed
    ? [r.case, r.skipped ? `skipped: ${r.skipped}` : `FAILED: ${r.failed}`, '', '', '', '', '', '', '', '', '', '', '', '']
    : [
        r.case,
        fmt(r.wall_s),
        fmt(r.simulation_s),
        fmt(r.simulated_per_wall),
        fmt(r.synaptic_events_per_s),
        fmt(r.spikes_per_s),
        fmt(r.peak_rss_mb, 3),
        fmt(r.target_s),
        yes(r.meets_target),
        fmt(r.target_on_this_machine_s),
        yes(r.meets_target_on_this_machine),
        fmt(r.ratio_to_calibration),
        fmt(r.target_ratio_to_calibration),
        yes(r.meets_target_side_by_side),
      ],
);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));
writeFileSync(join(root, 'bench/results.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, cores, runs, machine_speed_factor: machine, results }, null, 2) + '\n');
if (machine !== undefined) console.log(`\nmachine factor ${machine.toFixed(2)}: the C calibration took ${calibration.wall_s.toFixed(2)} s against 0.94 s when the targets were set`);
console.log(`\nwrote bench/results.json (medians of ${runs} runs after one warm-up)`);
