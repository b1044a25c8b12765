/**
 * The ids of the entries whose value starts with each 2-, 3- and 4-character prefix, kept sorted (as
 * slapd's subinitial index keeps its ID lists): a name-prefix OR (ANR, people pickers) then merges a few
 * sorted lists in tree order and stops at its size limit, instead of visiting every entry that matches.
 * An id appears once per distinct value of its entry with that prefix (a multiset: removal takes one).
 */
export const INITIAL_MIN = 2;
export const INITIAL_MAX = 4;

export class InitialsIndex {
  private readonly lists = new Map<string, IdList>();

  add(key: string, id: number): void {
    for (let n = INITIAL_MIN; n <= Math.min(INITIAL_MAX, key.length); n++) {
      const prefix = key.slice(0, n);
      const list = this.lists.get(prefix);
      if (list) list.insert(id);
      else this.lists.set(prefix, new IdList(id));
    }
  }

  remove(key: string, id: number): void {
    for (let n = INITIAL_MIN; n <= Math.min(INITIAL_MAX, key.length); n++) {
      const prefix = key.slice(0, n);
      const list = this.lists.get(prefix);
      if (list?.remove(id) && list.length === 0) this.lists.delete(prefix);
    }
  }

  /** The sorted ids under a prefix of INITIAL_MIN..INITIAL_MAX characters (a view: do not change the index meanwhile). */
  ids(prefix: string): Uint32Array {
    return this.lists.get(prefix)?.view() ?? NONE;
  }

  /** Gives back the room the lists grew into (called once a load is in). */
  trim(): void {
    for (const list of this.lists.values()) list.trim();
  }

  static answers(prefix: string): boolean {
    return prefix.length >= INITIAL_MIN && prefix.length <= INITIAL_MAX;
  }
}

const NONE = new Uint32Array(0);

/**
 * A sorted list of ids, four bytes each: at 100,000 objects the prefixes of thirteen attributes hold
 * millions of ids, which a plain array keeps at eight bytes and half as much again in growth room.
 */
class IdList {
  private ids: Uint32Array;
  length = 1;

  constructor(first: number) {
    this.ids = new Uint32Array(4);
    this.ids[0] = first;
  }

  insert(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Uint32Array(this.length + (this.length >> 1) + 4);
      grown.set(this.ids);
      this.ids = grown;
    }
    const ids = this.ids;
    if (this.length === 0 || ids[this.length - 1] <= id) {
      ids[this.length++] = id;
      return;
    }
    const at = upperBound(ids, this.length, id);
    ids.copyWithin(at + 1, at, this.length);
    ids[at] = id;
    this.length++;
  }

  /** Removes one occurrence of `id`; false when there is none. */
  remove(id: number): boolean {
    const at = upperBound(this.ids, this.length, id) - 1;
    if (at < 0 || this.ids[at] !== id) return false;
    this.ids.copyWithin(at, at + 1, this.length);
    this.length--;
    return true;
  }

  view(): Uint32Array {
    return this.ids.subarray(0, this.length);
  }

  trim(): void {
    if (this.ids.length > this.length) this.ids = this.ids.slice(0, this.length);
  }
}

/** The first position below `length` whose id is greater than `id`. */
function upperBound(list: Uint32Array, length: number, id: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The distinct ids of several sorted lists, in ascending order, read lazily. */
export function* mergeSorted(lists: ReadonlyArray<ArrayLike<number>>): Generator<number> {
  const at = lists.map(() => 0);
  let last = -1;
  for (;;) {
    let best = -1;
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i];
      while (at[i] < list.length && list[at[i]] <= last) at[i]++;
      if (at[i] < list.length && list[at[i]] < min) {
        min = list[at[i]];
        best = i;
      }
    }
    if (best < 0) return;
    last = min;
    yield min;
  }
}
