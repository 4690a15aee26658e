import { join } from 'node:path';
import type { CommandDef, Job, RunContext, StopRequest } from '../core/command.js';
import { SpikeflowError } from '../core/errors.js';
import type { ParamValues } from '../core/params.js';
import { writeJsonDurably } from '../sinks/durableFile.js';
import { terminalProgress } from './progress.js';

/**
 * Runs a prepared job with progress and signal handling, then writes summary.json. A first SIGINT/SIGTERM asks
 * the job to stop cleanly at its next chunk; a second one exits at once.
 */
export async function execute(
  def: CommandDef,
  verb: string,
  job: Job,
  values: ParamValues,
  out: string,
  figures: boolean,
  removeOutput: (() => Promise<void>) | undefined,
  resume?: RunContext['resume'],
): Promise<void> {
  const progress = terminalProgress(`${verb} ${def.name}`);
  const stop: StopRequest = {};
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (stop.signal) process.exit(signal === 'SIGINT' ? 130 : 143);
    stop.signal = signal;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const started = performance.now();
  try {
    const command = `${verb} ${def.name}`;
    const summary = await job.run({ out, figures, progress, log: (line) => process.stderr.write(line + '\n'), command, values, stop, resume });
    progress.done();
    await writeJsonDurably(join(out, 'summary.json'), { command, ...summary, wall_s: (performance.now() - started) / 1000 });
    process.stdout.write(`${command}: results in ${out}\n`);
  } catch (error) {
    progress.done();
    if (removeOutput && error instanceof SpikeflowError && error.exitCode === 2) await removeOutput();
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

