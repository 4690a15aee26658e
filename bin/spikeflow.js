#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// dist/spikeflow.mjs is the bundled CLI (faster start-up); dist/analyses/cli.js the same code unbundled
const bundle = fileURLToPath(new URL('../dist/spikeflow.mjs', import.meta.url));
const entry = existsSync(bundle) ? bundle : fileURLToPath(new URL('../dist/analyses/cli.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('spikeflow: not built yet; run `npm run build` (npm ci does it for you)\n');
  process.exit(1);
}
const { runCli } = await import(entry);
await runCli(process.argv);
