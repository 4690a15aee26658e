export interface BinRasterOptions {
  /** Population size: neuron indices run over `[0, neurons)`. */
  readonly neurons: number;
  /** Window start (inclusive), in the unit of `t`. */
  readonly t0: number;
  /** Window end (exclusive), in the unit of `t`. */
  readonly t1: number;
  /** Number of equal time bins across `[t0, t1)` (integer ≥ 1). */
  readonly timeBins: number;
  /** Number of neuron groups (integer in `[1, neurons]`); neuron `i` goes to group `floor(i * neuronBins / neurons)`. Defaults to `neurons`. */
  readonly neuronBins?: number;
}

export interface RasterGrid {
  /** Spike counts, row-major: `counts[row * timeBins + column]`, row = neuron group, column = time bin. */
  readonly counts: Float64Array;
  readonly neuronBins: number;
  readonly timeBins: number;
}

/**
 * Counts spikes on a (neuron group × time bin) grid, the bounded-size stand-in for a raster of many spikes.
 * Spikes outside `[t0, t1)` or with a neuron index outside `[0, neurons)` are not counted.
 *
 * @param neuron neuron index of each spike
 * @param t time of each spike, same length as `neuron`
 */
export function binRaster(neuron: Int32Array, t: Float64Array, options: BinRasterOptions): RasterGrid {
  const { neurons, t0, t1, timeBins } = options;
  const neuronBins = options.neuronBins ?? neurons;
  if (neuron.length !== t.length) {
    throw new RangeError(`binRaster: expected neuron and t of equal length, got ${neuron.length} and ${t.length}`);
  }
  if (!Number.isInteger(neurons) || neurons < 1) {
    throw new RangeError(`binRaster: expected neurons to be an integer ≥ 1, got ${neurons}`);
  }
  if (!Number.isInteger(timeBins) || timeBins < 1) {
    throw new RangeError(`binRaster: expected timeBins to be an integer ≥ 1, got ${timeBins}`);
  }
  if (!Number.isInteger(neuronBins) || neuronBins < 1 || neuronBins > neurons) {
    throw new RangeError(`binRaster: expected neuronBins to be an integer in [1, ${neurons}], got ${neuronBins}`);
  }
  if (!(t1 > t0)) {
    throw new RangeError(`binRaster: expected t0 < t1, got t0 ${t0} and t1 ${t1}`);
  }

  const counts = new Float64Array(neuronBins * timeBins);
  const timeScale = timeBins / (t1 - t0);
  const lastColumn = timeBins - 1;
  for (let i = 0; i < t.length; i++) {
    const n = neuron[i];
    const s = t[i];
    if (!(s >= t0 && s < t1) || n < 0 || n >= neurons) continue;
    let column = Math.floor((s - t0) * timeScale);
    // Rounding can put a spike just below t1 one bin past the end.
    if (column > lastColumn) column = lastColumn;
    const row = Math.floor((n * neuronBins) / neurons);
    counts[row * timeBins + column]++;
  }
  return { counts, neuronBins, timeBins };
}
