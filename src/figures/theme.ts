import type { Config } from 'vega-lite';

/** The one font every figure uses; render.ts hands resvg the matching bundled TTF files. */
export const FIGURE_FONT = 'DejaVu Sans';

/** Default size of a single continuous view, in SVG pixels (PNG pixels are this times the render scale). */
export const VIEW_WIDTH = 560;
export const VIEW_HEIGHT = 300;

/** Categorical colours, in series order. */
export const SERIES_COLOURS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/**
 * The shared theme: applied by the renderer under each spec's own `config`, so builders stay free of styling
 * and a spec can still override any of it.
 */
export const FIGURE_CONFIG: Config = {
  font: FIGURE_FONT,
  // ARIA attributes describe every mark in the SVG, multiplying its size; the PNG cannot use them.
  aria: false,
  background: 'white',
  padding: 8,
  view: { continuousWidth: VIEW_WIDTH, continuousHeight: VIEW_HEIGHT, stroke: null },
  title: { fontSize: 15, fontWeight: 'bold', subtitleFontSize: 12, subtitleColor: '#555', anchor: 'start', offset: 10 },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: '#222',
    labelColor: '#333',
    domainColor: '#555',
    tickColor: '#555',
    gridColor: '#e8e8e8',
    labelOverlap: true,
    titlePadding: 8,
  },
  legend: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    symbolStrokeWidth: 2,
    symbolSize: 64,
    labelLimit: 260,
  },
  header: { labelFontSize: 12, titleFontSize: 13 },
  range: { category: SERIES_COLOURS },
  line: { strokeWidth: 1.5 },
  point: { size: 30 },
  concat: { spacing: 24 },
};

/** Every builder stamps its spec with the vega-lite major version it targets. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
