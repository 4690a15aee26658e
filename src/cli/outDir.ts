import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { environmentError, invalidParameter } from '../core/errors.js';

/** Left in every output directory, so that a later run may empty it without touching anything else. */
export const OUTPUT_MARKER = '.spikeflow';

/**
 * Makes `dir` ready for a fresh run: creates it, or empties it when it is an earlier spikeflow output (it holds
 * the marker file). A non-empty directory of anything else is refused rather than mixed with or deleted.
 * Returns a function that removes what this run created, for failures on bad input.
 */
export async function prepareOutDir(dir: string): Promise<() => Promise<void>> {
  if (dir.trim() === '') throw invalidParameter('out', dir, 'a directory path');
  const existed = existsSync(dir);
  if (existed) {
    let entries: string[];
    try {
      entries = await readdir(dir);
    } catch {
      throw invalidParameter('out', dir, 'a directory');
    }
    if (entries.length > 0) {
      if (!entries.includes(OUTPUT_MARKER)) {
        throw invalidParameter('out', dir, `an empty directory or an earlier spikeflow output, but it holds ${entries.length} other entries`);
      }
      await Promise.all(entries.map((entry) => rm(join(dir, entry), { recursive: true, force: true })));
    }
  } else {
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw environmentError(`out: cannot create directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  try {
    await writeFile(join(dir, OUTPUT_MARKER), 'spikeflow output directory: a new run may empty it\n');
  } catch (error) {
    throw environmentError(`out: cannot write in ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return async () => {
    if (!existed) await rm(dir, { recursive: true, force: true });
    else for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true });
  };
}
