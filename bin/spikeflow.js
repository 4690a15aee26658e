#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/analyses/cli.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('spikeflow: not built yet; run `npm run build` (npm ci does it for you)\n');
  process.exit(1);
}
const { runCli } = await import(entry);
await runCli(process.argv);
