/**
 * The ids of the entries whose value starts with each 2-, 3- and 4-character prefix, kept sorted (as
 * slapd's subinitial index keeps its ID lists): a name-prefix OR (ANR, people pickers) then merges a few
 * sorted lists in tree order and stops at its size limit, instead of visiting every entry that matches.
 * An id appears once per distinct value of its entry with that prefix (a multiset: removal takes one).
 */
export const INITIAL_MIN = 2;
export const INITIAL_MAX = 4;

export class InitialsIndex {
  private readonly lists = new Map<string, number[]>();

  add(key: string, id: number): void {
    for (let n = INITIAL_MIN; n <= Math.min(INITIAL_MAX, key.length); n++) {
      const prefix = key.slice(0, n);
      const list = this.lists.get(prefix);
      if (!list) this.lists.set(prefix, [id]);
      else if (list[list.length - 1] <= id) list.push(id);
      else list.splice(upperBound(list, id), 0, id);
    }
  }

  remove(key: string, id: number): void {
    for (let n = INITIAL_MIN; n <= Math.min(INITIAL_MAX, key.length); n++) {
      const prefix = key.slice(0, n);
      const list = this.lists.get(prefix);
      if (!list) continue;
      const at = upperBound(list, id) - 1;
      if (at < 0 || list[at] !== id) continue;
      if (list.length === 1) this.lists.delete(prefix);
      else list.splice(at, 1);
    }
  }

  /** The sorted ids under a prefix of INITIAL_MIN..INITIAL_MAX characters (do not change it). */
  ids(prefix: string): readonly number[] {
    return this.lists.get(prefix) ?? [];
  }

  static answers(prefix: string): boolean {
    return prefix.length >= INITIAL_MIN && prefix.length <= INITIAL_MAX;
  }
}

/** The first position whose id is greater than `id`. */
function upperBound(list: number[], id: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The distinct ids of several sorted lists, in ascending order, read lazily. */
export function* mergeSorted(lists: ReadonlyArray<readonly number[]>): Generator<number> {
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
