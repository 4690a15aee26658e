import type { TopLevelSpec } from 'vega-lite';
import { invalidParameter } from '../core/errors.js';
import { VEGA_LITE_SCHEMA } from './theme.js';

export interface PanelSpecOptions {
  /** Panels per row: 1 stacks vertically, ≥ the number of specs places them side by side. */
  readonly columns: number;
  readonly title?: string;
  /** Width and height of each panel's plot area, for panels that do not set their own. */
  readonly panelWidth?: number;
  readonly panelHeight?: number;
}

/** Properties only a top-level spec may carry; they are lifted off the panels. */
const TOP_LEVEL_ONLY = ['$schema', 'config', 'autosize', 'background', 'padding', 'datasets', 'usermeta'] as const;

/**
 * Lays several figures out as panels of one figure, in reading order. Each panel keeps its own scales and
 * legends. Panel `config`s are merged (later panels win) and `datasets` are pooled at the top level.
 *
 * @example
 * renderFigure(panelSpec([rasterSpec(r), traceSpec(v), distributionSpec(d)], { columns: 1 }), 'overview.png');
 */
export function panelSpec(specs: readonly TopLevelSpec[], options: PanelSpecOptions): TopLevelSpec {
  const { columns } = options;
  if (specs.length === 0) throw invalidParameter('specs', 'none', 'at least one panel');
  if (!Number.isInteger(columns) || columns < 1) throw invalidParameter('columns', columns, 'an integer ≥ 1');

  let config: Record<string, unknown> = {};
  let datasets: Record<string, unknown> = {};
  const panels = specs.map((spec) => {
    const panel: Record<string, unknown> = { ...(spec as unknown as Record<string, unknown>) };
    if (panel.config) config = { ...config, ...(panel.config as Record<string, unknown>) };
    if (panel.datasets) datasets = { ...datasets, ...(panel.datasets as Record<string, unknown>) };
    for (const key of TOP_LEVEL_ONLY) delete panel[key];
    const composite = 'hconcat' in panel || 'vconcat' in panel || 'concat' in panel || 'facet' in panel || 'repeat' in panel;
    if (!composite) {
      if (options.panelWidth !== undefined && panel.width === undefined) panel.width = options.panelWidth;
      if (options.panelHeight !== undefined && panel.height === undefined) panel.height = options.panelHeight;
    }
    return panel;
  });

  const layout =
    panels.length === 1 || columns === 1
      ? { vconcat: panels }
      : columns >= panels.length
        ? { hconcat: panels }
        : { concat: panels, columns };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: { text: options.title, anchor: 'middle', fontSize: 17 } } : {}),
    ...(Object.keys(config).length > 0 ? { config } : {}),
    ...(Object.keys(datasets).length > 0 ? { datasets } : {}),
    ...layout,
    resolve: { scale: { color: 'independent', stroke: 'independent' }, legend: { color: 'independent', stroke: 'independent' } },
  } as unknown as TopLevelSpec;
}
