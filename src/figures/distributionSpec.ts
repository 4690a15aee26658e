import type { TopLevelSpec } from 'vega-lite';
import { invalidParameter } from '../core/errors.js';
import { histogram } from '../kernels/histogram.js';
import { formatNumber } from './formatNumber.js';
import { VEGA_LITE_SCHEMA } from './theme.js';

export interface DistributionSpecOptions {
  readonly values: ArrayLike<number>;
  /** Number of bins; default `clamp(ceil(sqrt(n)), 10, 60)` for n finite values. */
  readonly bins?: number;
  /** Histogram range; defaults to the range of the finite values. */
  readonly min?: number;
  readonly max?: number;
  readonly xLabel: string;
  readonly yLabel?: string;
  readonly title?: string;
  /** Draw the mean as a vertical rule, named with its value in the legend. Default true. */
  readonly meanLine?: boolean;
}

const BAR_COLOUR = '#4c78a8';
const MEAN_COLOUR = '#d62728';

/**
 * Histogram of a sample (firing rates, ISI CVs, correlations …) with its mean as a labelled vertical rule.
 * The data passed to vega are the bins only, so the spec size does not depend on the number of values.
 * Non-finite values are left out; the subtitle reports how many values were plotted.
 *
 * @example
 * distributionSpec({ values: rates, xLabel: 'firing rate (Hz)', title: 'Rates, excitatory' });
 */
export function distributionSpec(options: DistributionSpecOptions): TopLevelSpec {
  const { values } = options;
  let finite = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      finite++;
      sum += v;
    }
  }
  const bins = options.bins ?? Math.min(60, Math.max(10, Math.ceil(Math.sqrt(finite))));
  if (!Number.isInteger(bins) || bins < 1) throw invalidParameter('bins', bins, 'an integer ≥ 1');
  const { edges, counts } = histogram(values, { bins, min: options.min, max: options.max });
  const mean = finite > 0 ? sum / finite : NaN;

  const bars: { lo: number; hi: number; count: number }[] = [];
  for (let i = 0; i < bins; i++) bars.push({ lo: edges[i], hi: edges[i + 1], count: counts[i] });

  const layers: object[] = [
    {
      data: { values: bars },
      mark: { type: 'rect', color: BAR_COLOUR, stroke: 'white', strokeWidth: bins > 80 ? 0 : 0.5 },
      encoding: {
        x: {
          field: 'lo',
          type: 'quantitative',
          title: options.xLabel,
          scale: { domain: [edges[0], edges[bins]], nice: false, zero: false },
          axis: { grid: false },
        },
        x2: { field: 'hi' },
        y: { field: 'count', type: 'quantitative', title: options.yLabel ?? 'count' },
      },
    },
  ];
  if ((options.meanLine ?? true) && Number.isFinite(mean)) {
    const label = `mean = ${formatNumber(mean)}`;
    layers.push({
      data: { values: [{ mean, label }] },
      mark: { type: 'rule', strokeWidth: 2, strokeDash: [6, 3], clip: true },
      encoding: {
        x: { field: 'mean', type: 'quantitative' },
        color: {
          field: 'label',
          type: 'nominal',
          title: null,
          scale: { range: [MEAN_COLOUR] },
          legend: { orient: 'top-right', fillColor: 'rgba(255,255,255,0.85)', padding: 4, symbolType: 'stroke' },
        },
      },
    });
  }

  const subtitle = `n = ${finite}` + (finite < values.length ? ` (${values.length - finite} non-finite left out)` : '');
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: options.title ?? options.xLabel, subtitle },
    layer: layers,
  } as TopLevelSpec;
}
