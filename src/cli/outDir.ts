import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { environmentError, invalidParameter } from '../core/errors.js';

const RUN_MARKERS = ['summary.json', 'manifest.json', 'checkpoint'];

/**
 * Makes `dir` ready for a fresh run: creates it, or empties it when it holds an earlier spikeflow output.
 * A non-empty directory of something else is refused rather than mixed with.
 * Returns a function that removes what this run created, for failures on bad input.
 */
export async function prepareOutDir(dir: string): Promise<() => Promise<void>> {
  if (existsSync(dir)) {
    let entries: string[];
    try {
      entries = await readdir(dir);
    } catch {
      throw invalidParameter('out', dir, 'a directory');
    }
    if (entries.length > 0) {
      if (!entries.some((entry) => RUN_MARKERS.includes(entry))) {
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
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
