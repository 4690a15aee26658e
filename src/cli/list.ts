import type { Command } from 'commander';
import { defaultText, type CliRegistry } from './registry.js';

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

/** `spikeflow list`: every pipeline and analysis with its parameters and defaults. */
export function addList(program: Command, registry: CliRegistry): void {
  program
    .command('list')
    .description('list pipelines and analyses with their parameters and defaults')
    .action(() => {
      process.stdout.write(listText(registry) + '\n');
    });
}
