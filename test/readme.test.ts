import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readTable } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('library example runs verbatim and writes a readable spike table', async () => {
    const block = /## Library[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    // inside the package, so `import … from 'spikeflow'` resolves to this package (self-reference) and rxjs is found
    const scratch = fileURLToPath(new URL('../.scratch/', import.meta.url));
    await mkdir(scratch, { recursive: true });
    const dir = await mkdtemp(join(scratch, 'readme-'));
    const code = block![1];
    await writeFile(join(dir, 'example.mjs'), code);
    const { stdout } = await promisify(execFile)(process.execPath, ['example.mjs'], { cwd: dir });
    const match = /mean rate ([\d.]+) Hz, mean CV ([\d.]+)/.exec(stdout);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThan(1);
    const spikes = await readTable(join(dir, 'example-run/spikes'));
    // the printed rate has three decimals: ±0.0005 Hz × 2000 neurons × 1 s = ±1 spike
    expect(Math.abs(spikes.numRows - Number(match![1]) * 2000)).toBeLessThanOrEqual(1);
  });

  it('quick start is exactly the two commands of the brief', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });
});
