import { main } from '../src/cli/program.js';
import { registerInspect } from '../src/cli/inspect.js';
import { pipelines } from '../pipelines/registry.js';
import { analyses } from './registry.js';

/** The `spikeflow` command: the generic CLI of src/cli wired to this repository's pipelines and analyses. */
export function runCli(argv: string[] = process.argv): Promise<void> {
  return main({ pipelines, analyses, extend: registerInspect }, argv);
}
