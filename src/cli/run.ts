import { Option, type Command } from 'commander';
import type { CommandDef } from '../core/command.js';
import { availableParallelism } from 'node:os';
import { parseParams } from '../core/params.js';
import { prepareParquet } from '../sinks/parquetWasm.js';
import { execute } from './execute.js';
import { prepareOutDir } from './outDir.js';
import { defaultText, flagHelp } from './registry.js';

/** `spikeflow run NAME` / `spikeflow analyze NAME`: one subcommand per pipeline or analysis, flags from its declaration. */
export function addCommand(parent: Command, def: CommandDef, verb: string): void {
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
    warnOversubscribed(values.threads);
    // every run and analysis writes Parquet: compile the codec on background threads while the job is prepared
    void prepareParquet();
    const job = await def.prepare(values);
    const out = String(options.out);
    const removeOutput = await prepareOutDir(out);
    await execute(def, verb, job, values, out, options.figures !== false, removeOutput);
  });
}

/** Simulation threads run in lockstep: one more than the cores makes every step wait for a descheduled thread. */
function warnOversubscribed(threads: unknown): void {
  const cores = availableParallelism();
  if (typeof threads === 'number' && threads > cores) {
    process.stderr.write(`spikeflow: warning: --threads ${threads} is more than the ${cores} cores here; lockstep threads then wait for each other and the run is slower than with ${cores}\n`);
  }
}

