import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';

const bundle = fileURLToPath(new URL('../../dist/spikeflow.cjs', import.meta.url));

describe('the bundled CLI', () => {
  it('ships a V8 code cache that this Node accepts for its bundle (the build wrote it with default flags)', () => {
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(`${bundle}.cache`)).toBe(true);
    // in a fresh process, compiled as bin/spikeflow.js compiles it: V8 rejects a cache written under other flags
    const probe = `process.stdout.write(String(require(${JSON.stringify(CLI)}).compileBundle().cachedDataRejected))`;
    const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('false');
  });
});
