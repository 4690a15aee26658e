import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { compileFigure, renderFigure, renderPng, renderSvg, SpikeflowError } from '../../src/index.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const small: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: 'Small figure',
  data: { values: [{ t: 0, v: -65 }, { t: 1, v: -52 }, { t: 2, v: -58 }, { t: 3, v: -50 }] },
  mark: 'line',
  encoding: {
    x: { field: 't', type: 'quantitative', title: 'time (ms)' },
    y: { field: 'v', type: 'quantitative', title: 'V (mV)' },
  },
};

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const match = /^<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!match) throw new Error('no svg size');
  return { width: Number(match[1]), height: Number(match[2]) };
}

describe('renderFigure', () => {
  it('writes a PNG of plausible size: twice the SVG width, same aspect', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikeflow-render-'));
    const path = join(dir, 'small.png');
    await renderFigure(small, path);
    const png = readFileSync(path);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const svg = svgSize(await renderSvg(small));
    const { width, height } = pngSize(png);
    expect(width).toBe(Math.round(svg.width * 2));
    expect(height).toBeGreaterThan(300);
    expect(Math.abs(width / height - svg.width / svg.height)).toBeLessThan(0.01);
    // The themed default view is 560 × 300 plus axes and title.
    expect(svg.width).toBeGreaterThan(560);
    expect(svg.width).toBeLessThan(800);
  });

  it('renders identical bytes every time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikeflow-render-'));
    await renderFigure(small, join(dir, 'a.png'));
    await renderFigure(small, join(dir, 'b.png'));
    expect(readFileSync(join(dir, 'a.png')).equals(readFileSync(join(dir, 'b.png')))).toBe(true);
    expect(await renderSvg(small)).toBe(await renderSvg(small));
  });

  it('replaces the file atomically, creating missing directories and leaving no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikeflow-render-'));
    const path = join(dir, 'nested', 'deeper', 'fig.png');
    await renderFigure(small, path);
    writeFileSync(path, 'stale');
    await renderFigure(small, path);
    expect(readFileSync(path).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(readdirSync(join(dir, 'nested', 'deeper'))).toEqual(['fig.png']);
  });

  it('reports an unwritable destination as an environment error (exit code 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikeflow-render-'));
    const blocker = join(dir, 'not-a-directory');
    writeFileSync(blocker, 'file');
    const failure = await renderFigure(small, join(blocker, 'fig.png')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SpikeflowError);
    expect((failure as SpikeflowError).exitCode).toBe(1);
    expect((failure as Error).message).toContain('cannot write figure');
    expect(existsSync(join(blocker, 'fig.png.tmp'))).toBe(false);
  });

  it('scales the PNG width with the scale option', async () => {
    const one = pngSize(await renderPng(small, { scale: 1 }));
    const three = pngSize(await renderPng(small, { scale: 3 }));
    expect(Math.abs(three.width - 3 * one.width)).toBeLessThanOrEqual(2);
    await expect(renderPng(small, { scale: 0 })).rejects.toThrow(/scale/);
  });

  it('applies the shared theme: DejaVu Sans text on white, no per-mark ARIA bloat', async () => {
    const svg = await renderSvg(small);
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(svg).toContain('fill="white"');
    // Only the title keeps its label; no data item carries one.
    expect((svg.match(/aria-label/g) ?? []).length).toBeLessThanOrEqual(1);
    expect((await compileFigure(small)).warnings).toEqual([]);
  });

  it('lays text out with the real font metrics, so a longer title widens the figure accordingly', async () => {
    const wide = { ...small, title: 'W'.repeat(80) } as TopLevelSpec;
    const narrow = { ...small, title: 'i'.repeat(80) } as TopLevelSpec;
    // 'W' is about 1 em wide in DejaVu Sans Bold and 'i' about 0.34 em; the 0.8 em estimate would make them equal.
    expect(svgSize(await renderSvg(wide)).width).toBeGreaterThan(svgSize(await renderSvg(narrow)).width + 500);
  });
});
