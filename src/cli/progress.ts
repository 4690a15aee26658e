import type { Progress } from '../core/command.js';
import { silentProgress } from '../core/command.js';

/** A one-line progress bar with ETA on a TTY stderr; silence otherwise so logs and pipes stay clean. */
export function terminalProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return silentProgress;
  const started = performance.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total, unit = '') {
      const now = performance.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(fraction * width);
      const elapsed = (now - started) / 1000;
      const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : NaN;
      const etaText = Number.isFinite(eta) ? `ETA ${formatSeconds(eta)}` : 'ETA --';
      const amount = `${+done.toPrecision(4)}/${+total.toPrecision(4)}${unit ? ' ' + unit : ''}`;
      stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${amount} ${etaText}   `);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
