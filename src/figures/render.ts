import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { environmentError } from '../core/errors.js';
import { parseAdvanceWidths, textWidthEm, type AdvanceWidths } from './fontMetrics.js';
import { FIGURE_CONFIG, FIGURE_FONT } from './theme.js';

export interface RenderOptions {
  /** PNG pixels per SVG pixel; the PNG is fitted to `round(svgWidth * scale)` pixels wide. Default 2. */
  readonly scale?: number;
}

/**
 * Compiles a vega-lite spec under the shared theme and returns the Vega spec plus any compiler or
 * runtime warnings (which are collected rather than printed, so the CLI output stays clean).
 */
export async function compileFigure(spec: TopLevelSpec): Promise<{ vega: Vega.Spec; warnings: string[] }> {
  const { compile } = await loadRenderer();
  const warnings: string[] = [];
  const compiled = compile(spec, { config: FIGURE_CONFIG, logger: collectingLogger(warnings) });
  return { vega: compiled.spec, warnings };
}

/** Renders a vega-lite spec to an SVG string with the shared theme and deterministic text layout. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  return (await renderToSvg(spec)).svg;
}

/** Renders a vega-lite spec to PNG bytes (white background, bundled DejaVu Sans, identical on every machine). */
export async function renderPng(spec: TopLevelSpec, options: RenderOptions = {}): Promise<Buffer> {
  const scale = options.scale ?? 2;
  if (!(scale > 0) || !Number.isFinite(scale)) {
    throw new RangeError(`renderPng: expected a positive finite scale, got ${scale}`);
  }
  const { svg, width } = await renderToSvg(spec);
  const { renderAsync } = await loadRenderer();
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: FIGURE_FONT },
    fitTo: { mode: 'width', value: Math.max(1, Math.round(width * scale)) },
    background: 'white',
    logLevel: 'off',
  });
  return image.asPng();
}

/**
 * Renders a vega-lite spec to a PNG file. The file appears complete or not at all: the bytes go to
 * `path + '.tmp'`, which is then renamed over `path`. Missing parent directories are created.
 */
export async function renderFigure(spec: TopLevelSpec, path: string, options: RenderOptions = {}): Promise<void> {
  const png = await renderPng(spec, options);
  const temporary = path + '.tmp';
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, png);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw environmentError(`cannot write figure ${path}: ${(error as Error).message}`);
  }
}

interface Renderer {
  readonly vega: typeof Vega;
  readonly compile: typeof import('vega-lite').compile;
  readonly renderAsync: typeof import('@resvg/resvg-js').renderAsync;
}

let renderer: Promise<Renderer> | undefined;

/** vega, vega-lite and resvg load on first use: they cost a few hundred ms of start-up that runs without figures skip. */
function loadRenderer(): Promise<Renderer> {
  renderer ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]).then(([vega, vegaLite, resvg]) => ({
    vega,
    compile: vegaLite.compile,
    renderAsync: resvg.renderAsync,
  }));
  return renderer;
}

async function renderToSvg(spec: TopLevelSpec): Promise<{ svg: string; width: number }> {
  const { vega, compile } = await loadRenderer();
  measureTextWithBundledFont(vega);
  const warnings: string[] = [];
  const compiled = compile(spec, { config: FIGURE_CONFIG, logger: collectingLogger(warnings) });
  const view = new vega.View(vega.parse(compiled.spec), {
    renderer: 'none',
    logger: collectingLogger(warnings),
  });
  try {
    resetSvgDefinitionIds(vega);
    const svg = await view.toSVG();
    return { svg, width: svgWidth(svg) };
  } finally {
    view.finalize();
  }
}

/** The full figure width (plot, axes, legends and padding) as written on the root element. */
function svgWidth(svg: string): number {
  const match = /^<svg[^>]*\swidth="([\d.]+)"/.exec(svg);
  if (!match) throw new Error('renderSvg: vega produced an SVG without a width attribute');
  return Number(match[1]);
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

interface SceneGraphInternals {
  textMetrics?: { width: (item: TextItem, text: unknown) => number };
  resetSVGDefIds?: () => void;
}

let fontWidths: { regular: AdvanceWidths; bold: AdvanceWidths } | undefined;

/**
 * Vega lays out text with node-canvas when that optional package is installed and with a crude
 * 0.8 em-per-character estimate otherwise. Measuring with the advance widths of the bundled font that
 * resvg draws with gives tight, correct layout that is the same on every machine.
 */
function measureTextWithBundledFont(vega: typeof Vega): void {
  const metrics = (vega as unknown as SceneGraphInternals).textMetrics;
  if (!metrics) throw new Error('renderSvg: this vega build does not expose textMetrics');
  if (!fontWidths) {
    const [regular, bold] = fontFiles();
    fontWidths = { regular: parseAdvanceWidths(readFileSync(regular)), bold: parseAdvanceWidths(readFileSync(bold)) };
  }
  metrics.width = measureText;
}

/** Same contract as vega's own measure: trimmed text, default size 11, never wider than the item's limit. */
function measureText(item: TextItem, text: unknown): number {
  const value = text == null ? '' : String(text).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  if (!value || size <= 0 || !fontWidths) return 0;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const width = textWidthEm(bold ? fontWidths.bold : fontWidths.regular, value) * size;
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

/** Gradient and clip ids come from a process-wide counter; resetting it makes repeated SVGs identical. */
function resetSvgDefinitionIds(vega: typeof Vega): void {
  (vega as unknown as SceneGraphInternals).resetSVGDefIds?.();
}

let resolvedFontFiles: string[] | undefined;

/** The bundled DejaVu Sans files, resolved through node_modules so this works from src and from dist. */
function fontFiles(): string[] {
  if (resolvedFontFiles) return resolvedFontFiles;
  const require = createRequire(import.meta.url);
  try {
    resolvedFontFiles = [
      require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
      require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    ];
  } catch (error) {
    throw environmentError(
      `cannot find the DejaVu Sans font files (package dejavu-fonts-ttf): ${(error as Error).message}`,
    );
  }
  return resolvedFontFiles;
}

function collectingLogger(warnings: string[]): Vega.LoggerInterface {
  let level = 2; // vega's Warn level: errors throw, warnings are kept, info/debug dropped
  const logger: Vega.LoggerInterface = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      throw new Error(args.map(String).join(' '));
    },
    warn(...args: unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}
