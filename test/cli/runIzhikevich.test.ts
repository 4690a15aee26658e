import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spikeflow-cli-izhikevich-'));
});

const readSummary = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Record<string, unknown>;

describe('spikeflow run izhikevich', () => {
  it('writes spikes, the summary and the four figures', async () => {
    const out = join(dir, 'default');
    const result = await runCli(['run', 'izhikevich', '--T', '0.4', '--seed', '3', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = readSummary(out);
    expect(summary).toMatchObject({ command: 'run izhikevich', NE: 800, NI: 200, T: 0.4, seed: 3, preset: 'original', type_e: 'RS', type_i: 'LTS' });
    for (const key of ['rate_e_hz', 'rate_i_hz', 'pop_peak_hz']) expect(typeof summary[key]).toBe('number');
    expect(summary.figures).toEqual(['raster.png', 'input_currents.png', 'v_u_traces.png', 'population_spectrum.png']);
    for (const file of summary.figures as string[]) expect(existsSync(join(out, file))).toBe(true);
    const spikes = await readTable(join(out, 'spikes'));
    expect(spikes.numRows).toBe(summary.spikes);
    const t = spikes.getChild('t')!.toArray() as Float64Array;
    // spike times lie on the 1 ms grid
    for (const time of t) expect(Math.abs(time * 1000 - Math.round(time * 1000))).toBeLessThan(1e-9);
  });

  it('applies a weight preset and neuron types, with explicit weights overriding the preset', async () => {
    const out = join(dir, 'preset');
    const result = await runCli(['run', 'izhikevich', '--T', '0.2', '--preset', 'S3', '--types', 'RS,CH', '--w-i', '0.25', '--no-figures', '--out', out]);
    expect(result.code).toBe(0);
    expect(readSummary(out)).toMatchObject({ preset: 'S3', w_e: 0.3, w_i: 0.25, type_e: 'RS', type_i: 'CH', figures: [] });
  });

  it('rejects unknown types, presets and durations off the 1 ms grid with one line and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--types', 'RS'], /^spikeflow: types: expected two neuron types "E,I" from RS, IB, CH, FS, TC, RZ, LTS \(e\.g\. RS,LTS\), got "RS"\n$/],
      [['--preset', 'S9'], /^spikeflow: preset: expected one of original, S1, S2, S3, S4, S5, got "S9"\n$/],
      [['--T', '0.0005'], /^spikeflow: T: expected a multiple of dt = 0\.001 s, got 0\.0005\n$/],
    ];
    for (const [flags, message] of cases) {
      const out = join(dir, `bad-${flags.join('')}`);
      const result = await runCli(['run', 'izhikevich', ...flags, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });
});
