const float = new Float64Array(1);
const bits = new BigInt64Array(float.buffer);

/**
 * The smallest double strictly greater than `x` (Java's `Math.nextUp`, numpy's `nextafter(x, inf)`): the end of a
 * half-open interval `[a, nextUp(x))` that just includes `x`. NaN and +∞ are returned unchanged.
 */
export function nextUp(x: number): number {
  if (x !== x || x === Number.POSITIVE_INFINITY) return x;
  if (x === 0) return Number.MIN_VALUE;
  float[0] = x;
  // IEEE 754 doubles of one sign are ordered like their bit patterns, so the neighbour is one unit away.
  bits[0] += x > 0 ? 1n : -1n;
  return float[0];
}
