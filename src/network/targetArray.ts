/** Whether targets among `size` neurons fit 16-bit indices, the narrowest type: delivery is bound by memory traffic. */
export function narrowTargets(size: number): boolean {
  return size <= 65536;
}

/** The narrowest unsigned index type that can address `size` neurons. */
export function targetArray(size: number, length: number): Uint16Array | Int32Array {
  return narrowTargets(size) ? new Uint16Array(length) : new Int32Array(length);
}
