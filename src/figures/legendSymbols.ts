/** How one legend entry should be drawn: a line sample for line series, a dot for point series. */
export interface LegendEntry {
  readonly name: string;
  readonly shape: 'stroke' | 'circle';
  readonly dash?: boolean;
}

/**
 * Legend symbol encoding that draws each entry like its series. Vega-lite merges the legends of layered
 * marks into one symbol type for every entry, which shows a dashed fit line as a dot; this restores it.
 * Relies on vega-lite naming the colour scale `color`.
 */
export function legendSymbols(entries: readonly LegendEntry[]): Record<string, unknown> {
  const when = (entry: LegendEntry) => `datum.value === ${JSON.stringify(entry.name)}`;
  const strokes = entries.filter((e) => e.shape === 'stroke');
  const dashed = entries.filter((e) => e.dash);
  return {
    shape: { condition: strokes.map((e) => ({ test: when(e), value: 'stroke' })), value: 'circle' },
    strokeDash: { condition: dashed.map((e) => ({ test: when(e), value: [5, 3] })), value: [] },
    stroke: { signal: "scale('color', datum.value)" },
    fill: { signal: `${strokes.map((e) => `${when(e)} ? 'transparent' : `).join('')}scale('color', datum.value)` },
    strokeWidth: { value: 2 },
    // Layers disagree on symbol opacity (lines set none); fixing it keeps their legends mergeable.
    opacity: { value: 1 },
  };
}
