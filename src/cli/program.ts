import { Command, CommanderError, Option } from 'commander';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { readCheckpoint } from '../sinks/checkpoint.js';
import { readManifest } from '../sinks/manifest.js';
import { writeJsonDurably } from '../sinks/durableFile.js';
import type { CommandDef, Job, RunContext, StopRequest } from '../core/command.js';
import { SpikeflowError, invalidFile, invalidParameter } from '../core/errors.js';
import type { ParamSpec } from '../core/params.js';
import { describeRange, formatSI, parseParams, type ParamValues } from '../core/params.js';
import { prepareOutDir } from './outDir.js';
import { terminalProgress } from './progress.js';

export interface CliRegistry {
  readonly pipelines: readonly CommandDef[];
  readonly analyses: readonly CommandDef[];
  /** Extra verbs (inspect, resume, …) added by the caller. */
  readonly extend?: (program: Command) => void;
}

function flagHelp(spec: ParamSpec): string {
  const parts = [spec.description];
  if (spec.kind === 'number' || spec.kind === 'integer') parts.push(`(${describeRange(spec)})`);
  if ((spec.kind === 'string' || spec.kind === 'path') && spec.choices) parts.push(`(${spec.choices.join(' | ')})`);
  return parts.join(' ');
}

function defaultText(spec: ParamSpec): string | undefined {
  if (spec.default === undefined) return undefined;
  if (spec.kind === 'number' || spec.kind === 'integer') return formatSI(spec.default, spec);
  return String(spec.default);
}

function addCommand(parent: Command, def: CommandDef, verb: string): void {
  const command = parent.command(def.name).description(def.description);
  const attributes = new Map<string, string>();
  for (const spec of def.params) {
    const option =
      spec.kind === 'boolean'
        ? new Option(`--${spec.name} [value]`, flagHelp(spec))
        : new Option(`--${spec.name} <${spec.kind === 'path' ? 'file' : 'value'}>`, flagHelp(spec));
    const shown = defaultText(spec);
    if (shown !== undefined) option.default(undefined, shown);
    command.addOption(option);
    attributes.set(spec.name, option.attributeName());
  }
  command.option('--out <dir>', 'output directory', `results/${def.name}`);
  command.option('--no-figures', 'skip rendering figures');
  command.action(async (options: Record<string, unknown>) => {
    const raw: Record<string, unknown> = {};
    for (const spec of def.params) raw[spec.name] = options[attributes.get(spec.name) as string];
    const values = parseParams(def.params, raw);
    const job = await def.prepare(values);
    const out = String(options.out);
    const removeOutput = await prepareOutDir(out);
    await execute(def, verb, job, values, out, options.figures !== false, removeOutput);
  });
}

/**
 * Runs a prepared job with progress and signal handling, then writes summary.json. A first SIGINT/SIGTERM asks
 * the job to stop cleanly at its next chunk; a second one exits at once.
 */
async function execute(
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

/** `spikeflow resume DIR [--T S]`: continues an interrupted run from its last checkpoint (or from the start). */
function addResume(program: Command, registry: CliRegistry): void {
  program
    .command('resume <dir>')
    .description('continue an interrupted run from its last checkpoint to its planned T (or a new --T)')
    .option('--T <value>', 'new planned duration (may extend the run)')
    .option('--no-figures', 'skip rendering figures')
    .action(async (dir: string, options: { T?: string; figures?: boolean }) => {
      const manifestPath = join(dir, 'manifest.json');
      if (!existsSync(manifestPath)) throw invalidFile(dir, 'expected a spikeflow run directory with a manifest.json');
      const manifest = await readManifest(manifestPath);
      const command = String(manifest.params.command ?? '');
      const [verb, name] = command.split(' ');
      const defs = verb === 'run' ? registry.pipelines : verb === 'analyze' ? registry.analyses : [];
      const def = defs.find((d) => d.name === name);
      if (!def) throw invalidFile(manifestPath, `expected the run's command in params.command, found ${JSON.stringify(command)}`);
      const checkpoint = await readCheckpoint(dir);
      const recorded = (manifest.params.values ?? {}) as Record<string, unknown>;
      const values = parseParams(def.params, { ...recorded, ...(options.T !== undefined ? { T: options.T } : {}) });
      if (checkpoint && typeof values.T === 'number' && values.T < checkpoint.time) {
        throw invalidParameter('T', options.T, `at least the checkpoint time ${checkpoint.time} s`);
      }
      const job = await def.prepare(values);
      await execute(def, verb, job, values, dir, options.figures !== false, undefined, { checkpoint });
    });
}

function listText(registry: CliRegistry): string {
  const lines: string[] = [];
  for (const [verb, defs] of [['run', registry.pipelines], ['analyze', registry.analyses]] as const) {
    for (const def of defs) {
      lines.push(`spikeflow ${verb} ${def.name}`);
      lines.push(`  ${def.description}`);
      for (const spec of def.params) {
        const shown = defaultText(spec);
        lines.push(`    --${spec.name.padEnd(18)} ${shown === undefined ? '' : `[${shown}] `}${spec.description}`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

export function buildProgram(registry: CliRegistry): Command {
  const program = new Command('spikeflow')
    .description('Simulate and analyse spiking and rate neural networks as streams of columnar frames.')
    .showSuggestionAfterError(true);
  const run = program.command('run').description('run a pipeline (see `spikeflow list`)');
  for (const def of registry.pipelines) addCommand(run, def, 'run');
  const analyze = program.command('analyze').description('run a study of the source documents (see `spikeflow list`)');
  for (const def of registry.analyses) addCommand(analyze, def, 'analyze');
  program
    .command('list')
    .description('list pipelines and analyses with their parameters and defaults')
    .action(() => {
      process.stdout.write(listText(registry) + '\n');
    });
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
