import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { invalidFile, invalidParameter } from '../core/errors.js';
import { parseParams } from '../core/params.js';
import { readCheckpoint } from '../sinks/checkpoint.js';
import { readManifest } from '../sinks/manifest.js';
import { execute } from './execute.js';
import type { CliRegistry } from './registry.js';

/** `spikeflow resume DIR [--T S]`: continues an interrupted run from its last checkpoint (or from the start). */
export function addResume(program: Command, registry: CliRegistry): void {
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

