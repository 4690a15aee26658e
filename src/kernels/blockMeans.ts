/**
 * Means of a row-major `rows × columns` matrix over blocks of `rowBlock × columnBlock` entries, as a row-major
 * `⌈rows/rowBlock⌉ × ⌈columns/columnBlock⌉` grid: a bounded summary of a large recording (e.g. the input current of
 * every neuron at every step) that, unlike striding, keeps every sample's contribution. Blocks at the lower and
 * right edges may be smaller and average only the entries they hold.
 *
 * @param values the matrix, `values[r * columns + c]`
 * @param rows number of rows
 * @param columns number of columns
 * @param rowBlock rows per block (integer ≥ 1)
 * @param columnBlock columns per block (integer ≥ 1)
 */
export function blockMeans(values: Float64Array, rows: number, columns: number, rowBlock: number, columnBlock: number): Float64Array {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(columns) || columns < 0 || values.length !== rows * columns) {
    throw new RangeError(`blockMeans: expected ${rows} × ${columns} values, got ${values.length}`);
  }
  if (!Number.isInteger(rowBlock) || rowBlock < 1 || !Number.isInteger(columnBlock) || columnBlock < 1) {
    throw new RangeError(`blockMeans: expected block sizes to be integers ≥ 1, got ${rowBlock} × ${columnBlock}`);
  }
  const blockRows = Math.ceil(rows / rowBlock);
  const blockColumns = Math.ceil(columns / columnBlock);
  const sums = new Float64Array(blockRows * blockColumns);
  for (let r = 0; r < rows; r++) {
    const base = Math.floor(r / rowBlock) * blockColumns;
    const offset = r * columns;
    for (let c = 0; c < columns; c++) sums[base + Math.floor(c / columnBlock)] += values[offset + c];
  }
  for (let br = 0; br < blockRows; br++) {
    const height = Math.min(rowBlock, rows - br * rowBlock);
    for (let bc = 0; bc < blockColumns; bc++) {
      const width = Math.min(columnBlock, columns - bc * columnBlock);
      sums[br * blockColumns + bc] /= height * width;
    }
  }
  return sums;
}
