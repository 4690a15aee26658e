import { Command, CommanderError } from 'commander';
import { SpikeflowError } from '../core/errors.js';
import { addList } from './list.js';
import type { CliRegistry } from './registry.js';
import { addResume } from './resume.js';
import { addCommand } from './run.js';

export type { CliRegistry } from './registry.js';

/** The `spikeflow` command: run, analyze, list, resume, plus the caller's extra verbs (inspect). */
export function buildProgram(registry: CliRegistry): Command {
  const program = new Command('spikeflow')
    .description('Simulate and analyse spiking and rate neural networks as streams of columnar frames.')
    .showSuggestionAfterError(true);
  const run = program.command('run').description('run a pipeline (see `spikeflow list`)');
  for (const def of registry.pipelines) addCommand(run, def, 'run');
  const analyze = program.command('analyze').description('run a study of the source documents (see `spikeflow list`)');
  for (const def of registry.analyses) addCommand(analyze, def, 'analyze');
  addList(program, registry);
  addResume(program, registry);
  registry.extend?.(program);
  const exitOverride = (command: Command) => {
    command.exitOverride();
    command.configureOutput({ writeErr: () => {}, outputError: () => {} });
    for (const sub of command.commands) exitOverride(sub);
  };
  exitOverride(program);
  return program;
}

/** Runs the CLI: one line and exit code 2 for bad input, 1 for environment failures, never a stack trace. */
export async function main(registry: CliRegistry, argv = process.argv): Promise<void> {
  // a reader that stops early (`spikeflow list | head`) closes the pipe: that ends the output, not the program
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const program = buildProgram(registry);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return 0;
    if (error.exitCode === 0) return 0;
    process.stderr.write(`spikeflow: ${error.message.replace(/^error: /, '').split('\n')[0]}\n`);
    return 2;
  }
  if (error instanceof SpikeflowError) {
    process.stderr.write(`spikeflow: ${error.message}\n`);
    return error.exitCode;
  }
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EACCES' || code === 'EROFS' || code === 'EDQUOT') {
    process.stderr.write(`spikeflow: ${(error as Error).message}\n`);
    return 1;
  }
  process.stderr.write(`spikeflow: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.SPIKEFLOW_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}
