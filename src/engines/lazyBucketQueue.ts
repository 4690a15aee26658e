/** Bits of a float64's high word dropped to form its bucket: buckets are 2^−(20 − BUCKET_SHIFT) wide in relative terms. */
const BUCKET_SHIFT = 10;
const INITIAL_BUCKETS = 1 << 12;
const NONE = -1;
/** `location` of a neuron held in the near heap rather than in a bucket list. */
const IN_HEAP = -2;

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
const HIGH_WORD = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000 ? 1 : 0;

/**
 * The bucket of a key: the high bits of its float64 representation, which for positive numbers increase with the
 * value (IEEE 754 orders positive doubles like their bit patterns). Non-positive keys share bucket 0.
 */
export function bucketOf(key: number): number {
  if (!(key > 0)) return 0;
  scratch[0] = key;
  return scratchWords[HIGH_WORD] >>> BUCKET_SHIFT;
}

/**
 * A monotone priority queue over the keys of an external array (a lazy calendar queue; Brown 1988), made for
 * event-driven networks where most key changes are increases and the extracted minimum never moves backwards.
 *
 * Keys are grouped into buckets by their float64 bits. Every entry sits either in the linked list of the bucket
 * of a lower bound of its key, or in the small exact "near" binary heap that holds the current bucket.
 * Increases need no call at all: a stale entry is re-filed when its bucket is opened or when it reaches the top
 * of the near heap. Decreases must be announced with `decreased`. `min` returns the entry with the smallest key,
 * equal keys by the smallest index.
 */
export class LazyBucketQueue {
  private readonly keys: Float64Array;
  private readonly size: number;
  /** Bucket `base + b` → first entry of its list; grows on demand, since keys span a few binades at a time. */
  private head = new Int32Array(INITIAL_BUCKETS).fill(NONE);
  private base = 0;
  private readonly next: Int32Array;
  private readonly previous: Int32Array;
  /** Entry → its bucket, or IN_HEAP. */
  private readonly location: Int32Array;
  private readonly heapKey: Float64Array;
  private readonly heapEntry: Int32Array;
  private readonly position: Int32Array;
  private heapSize = 0;
  /** The bucket held by the near heap; every entry in a list is in a later bucket. */
  private current = 0;
  /** The last bucket that may hold a list. */
  private highest = 0;

  constructor(keys: Float64Array) {
    this.keys = keys;
    this.size = keys.length;
    this.next = new Int32Array(this.size);
    this.previous = new Int32Array(this.size);
    this.location = new Int32Array(this.size);
    this.heapKey = new Float64Array(this.size);
    this.heapEntry = new Int32Array(this.size);
    this.position = new Int32Array(this.size);
    this.rebuild();
  }

  /** Files every entry afresh from its exact key; call after changing keys behind the queue's back. */
  rebuild(): void {
    this.head.fill(NONE);
    this.heapSize = 0;
    const keys = this.keys;
    let lowest = Infinity;
    let highest = 0;
    for (let i = 0; i < this.size; i++) {
      const bucket = bucketOf(keys[i]);
      if (bucket < lowest) lowest = bucket;
      if (bucket > highest) highest = bucket;
    }
    if (this.size === 0) lowest = 0;
    this.current = lowest;
    this.base = lowest;
    this.highest = highest;
    this.reserve(highest);
    for (let i = this.size - 1; i >= 0; i--) this.file(i, bucketOf(keys[i]));
  }

  /** The entry with the smallest key (ties: smallest index), or −1 when empty. */
  min(): number {
    if (this.size === 0) return NONE;
    const keys = this.keys;
    const heapKey = this.heapKey;
    const heapEntry = this.heapEntry;
    for (;;) {
      if (this.heapSize === 0) {
        this.openNextBucket();
        continue;
      }
      const top = heapEntry[0];
      const key = keys[top];
      if (key === heapKey[0]) return top;
      // the key grew since it was filed
      const bucket = bucketOf(key);
      if (bucket > this.current) {
        this.removeTop();
        this.pushList(top, bucket);
      } else {
        heapKey[0] = key;
        this.siftDown(0);
      }
    }
  }

  /** Announces that the key of `entry` may have decreased. */
  decreased(entry: number): void {
    const key = this.keys[entry];
    const where = this.location[entry];
    if (where === IN_HEAP) {
      const at = this.position[entry];
      if (key < this.heapKey[at]) {
        this.heapKey[at] = key;
        this.siftUp(at);
      }
      return;
    }
    const bucket = bucketOf(key);
    if (bucket >= where) return;
    this.unlink(entry, where);
    this.file(entry, bucket);
  }

  private file(entry: number, bucket: number): void {
    if (bucket <= this.current) this.pushHeap(entry);
    else this.pushList(entry, bucket);
  }

  private openNextBucket(): void {
    const head = this.head;
    const keys = this.keys;
    const next = this.next;
    const base = this.base;
    let bucket = this.current + 1;
    while (head[bucket - base] === NONE) bucket++;
    this.current = bucket;
    let entry = head[bucket - base];
    head[bucket - base] = NONE;
    while (entry !== NONE) {
      const following = next[entry];
      const actual = bucketOf(keys[entry]);
      if (actual <= bucket) this.pushHeap(entry);
      else this.pushList(entry, actual);
      entry = following;
    }
  }

  private pushList(entry: number, bucket: number): void {
    if (bucket > this.highest) {
      this.highest = bucket;
      this.reserve(bucket);
    }
    const at = bucket - this.base;
    const first = this.head[at];
    this.next[entry] = first;
    this.previous[entry] = NONE;
    if (first !== NONE) this.previous[first] = entry;
    this.head[at] = entry;
    this.location[entry] = bucket;
  }

  private reserve(bucket: number): void {
    const needed = bucket - this.base + 1;
    if (needed <= this.head.length) return;
    let length = this.head.length * 2;
    while (length < needed) length *= 2;
    const grown = new Int32Array(length).fill(NONE);
    grown.set(this.head);
    this.head = grown;
  }

  private unlink(entry: number, bucket: number): void {
    const before = this.previous[entry];
    const after = this.next[entry];
    if (before === NONE) this.head[bucket - this.base] = after;
    else this.next[before] = after;
    if (after !== NONE) this.previous[after] = before;
  }

  private pushHeap(entry: number): void {
    const at = this.heapSize++;
    this.heapKey[at] = this.keys[entry];
    this.heapEntry[at] = entry;
    this.position[entry] = at;
    this.location[entry] = IN_HEAP;
    this.siftUp(at);
  }

  private removeTop(): void {
    const last = --this.heapSize;
    if (last === 0) return;
    this.heapKey[0] = this.heapKey[last];
    const moved = this.heapEntry[last];
    this.heapEntry[0] = moved;
    this.position[moved] = 0;
    this.siftDown(0);
  }

  /** Heap order: smaller key first, equal keys by smaller entry. */
  private siftDown(start: number): void {
    const key = this.heapKey;
    const entries = this.heapEntry;
    const position = this.position;
    const size = this.heapSize;
    const movingKey = key[start];
    const movingEntry = entries[start];
    let at = start;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      let childKey = key[child];
      let childEntry = entries[child];
      const right = child + 1;
      if (right < size) {
        const rightKey = key[right];
        if (rightKey < childKey || (rightKey === childKey && entries[right] < childEntry)) {
          child = right;
          childKey = rightKey;
          childEntry = entries[right];
        }
      }
      if (childKey < movingKey || (childKey === movingKey && childEntry < movingEntry)) {
        key[at] = childKey;
        entries[at] = childEntry;
        position[childEntry] = at;
        at = child;
      } else break;
    }
    key[at] = movingKey;
    entries[at] = movingEntry;
    position[movingEntry] = at;
  }

  private siftUp(start: number): void {
    const key = this.heapKey;
    const entries = this.heapEntry;
    const position = this.position;
    const movingKey = key[start];
    const movingEntry = entries[start];
    let at = start;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const parentKey = key[parent];
      const parentEntry = entries[parent];
      if (movingKey < parentKey || (movingKey === parentKey && movingEntry < parentEntry)) {
        key[at] = parentKey;
        entries[at] = parentEntry;
        position[parentEntry] = at;
        at = parent;
      } else break;
    }
    key[at] = movingKey;
    entries[at] = movingEntry;
    position[movingEntry] = at;
  }
}
