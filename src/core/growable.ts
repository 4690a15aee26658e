type TypedArray = Int32Array | Float64Array | Uint16Array | Uint32Array | Float32Array | Uint8Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

/**
 * A typed array that grows by doubling: append → (read `view()`) → `clear()` or `finish()`.
 * Callers on hot paths reserve first and write through `array` directly.
 */
export class GrowableArray<T extends TypedArray> {
  array: T;
  length = 0;
  private readonly Type: TypedArrayConstructor<T>;

  constructor(Type: TypedArrayConstructor<T>, capacity = 1024) {
    this.Type = Type;
    this.array = new Type(Math.max(16, capacity));
  }

  /** Ensures room for `extra` more elements and returns the backing array (which may have been replaced). */
  reserve(extra: number): T {
    const needed = this.length + extra;
    if (needed > this.array.length) {
      let capacity = this.array.length * 2;
      while (capacity < needed) capacity *= 2;
      const grown = new this.Type(capacity);
      grown.set(this.array.subarray(0, this.length) as never);
      this.array = grown;
    }
    return this.array;
  }

  push(value: number): void {
    if (this.length === this.array.length) this.reserve(1);
    this.array[this.length++] = value;
  }

  /** A view of the filled part; valid until the next append. */
  view(): T {
    return this.array.subarray(0, this.length) as T;
  }

  /** A trimmed copy of the filled part, independent of this buffer. */
  finish(): T {
    return this.array.slice(0, this.length) as T;
  }

  clear(): void {
    this.length = 0;
  }
}
