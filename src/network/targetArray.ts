/** The narrowest unsigned index type that can address `size` neurons: delivery is bound by memory traffic. */
export function targetArray(size: number, length: number): Uint16Array | Int32Array {
  return size <= 65536 ? new Uint16Array(length) : new Int32Array(length);
}
