// Peak RSS of recording every spike of the full seed-000 network to Parquet for T = 6 s and T = 60 s.
// Memory must not grow with run length: the ratio must stay ≤ 1.2 and both under 500 MB.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin/spikeflow.js');
const threads = process.env.BENCH_THREADS ?? '1';
const peaks = {};
for (const T of [6, 60]) {
  const dir = join(root, 'bench/out', `memory-T${T}`);
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, 'run', 'balanced-lif', '--T', String(T), '--threads', threads, '--no-figures', '--out', dir], { encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stderr);
    process.exit(1);
  }
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  peaks[T] = summary.peak_rss_mb;
  console.log(`T = ${String(T).padStart(2)} s: peak RSS ${summary.peak_rss_mb.toFixed(1)} MB, ${summary.spikes} spikes, wall ${((performance.now() - started) / 1000).toFixed(1)} s`);
  rmSync(dir, { recursive: true, force: true });
}
const ratio = peaks[60] / peaks[6];
console.log(`ratio T=60 / T=6: ${ratio.toFixed(3)} (target ≤ 1.2); both under 500 MB: ${peaks[6] < 500 && peaks[60] < 500 ? 'yes' : 'NO'}`);
