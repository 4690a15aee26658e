/** Loose views of builder output for assertions: the builders return vega-lite specs typed only as TopLevelSpec. */
import type { TopLevelSpec } from 'vega-lite';

export type Row = Record<string, number | string>;
export interface Layer {
  data?: { values: Row[] };
  mark: { type: string; [key: string]: unknown };
  encoding?: Record<string, Record<string, unknown>>;
  layer?: Layer[];
}
export interface LooseSpec {
  title?: string | { text: string; subtitle?: string };
  data?: { values: Row[] };
  mark?: { type: string; [key: string]: unknown };
  encoding?: Record<string, Record<string, unknown>>;
  layer?: Layer[];
  [key: string]: unknown;
}

export function loose(spec: TopLevelSpec): LooseSpec {
  return spec as unknown as LooseSpec;
}

/** All rows of all data sets in the spec, however deeply layered. */
export function rowCount(spec: TopLevelSpec): number {
  const walk = (node: { data?: { values: Row[] }; layer?: Layer[] }): number =>
    (node.data?.values.length ?? 0) + (node.layer ?? []).reduce((sum, child) => sum + walk(child), 0);
  return walk(loose(spec));
}
