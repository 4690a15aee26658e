import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { environmentError } from '../core/errors.js';

const repositoryRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}

/**
 * The compiled JavaScript of a worker module. Worker threads cannot load TypeScript, so when the caller runs from
 * sources (tests), its sibling `.js` URL is mapped to the same path under `dist/`, which `npm test` builds first.
 */
export function resolveWorkerFile(url: URL): string {
  const path = fileURLToPath(url);
  if (existsSync(path)) return path;
  const inRepo = relative(repositoryRoot, path);
  const compiled = join(repositoryRoot, 'dist', inRepo);
  if (existsSync(compiled)) return compiled;
  throw environmentError(`worker module ${inRepo} is not built; run \`npm run build\``);
}
