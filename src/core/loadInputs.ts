import { existsSync } from 'node:fs';
import { invalidFile } from './errors.js';

/** Checks that an input file exists before anything else is done with it. */
export function requireFile(path: string): string {
  if (!existsSync(path)) throw invalidFile(path, 'no such file');
  return path;
}
