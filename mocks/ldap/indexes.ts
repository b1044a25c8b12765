import { InitialsIndex } from './initials-index';

/**
 * Attribute indexes of the mock DC, so that equality, presence and initial-substring (prefix, ANR)
 * searches touch only the entries that can match. Keys are lower-cased values; a key holds one entry
 * or a set of them (most keys are unique, and a Set per key would cost more memory than the entry).
 */
type Bucket<E> = E | Set<E>;

export class ValueIndex<E extends { readonly id: number }> {
  private readonly byKey = new Map<string, Bucket<E>>();
  /** Distinct keys in sorted order, for prefix ranges, and their buckets at the same positions. */
  private sorted: string[] | undefined;
  private sortedBuckets: Array<Bucket<E>> = [];
  readonly present = new Set<E>();
  /** For prefix indexes: sorted id lists per short prefix (unions of prefixes read them in tree order). */
  readonly initials?: InitialsIndex;

  constructor(readonly prefix: boolean) {
    if (prefix) this.initials = new InitialsIndex();
  }

  add(key: string, entry: E): void {
    const bucket = this.byKey.get(key);
    if (bucket !== entry && !(bucket instanceof Set && bucket.has(entry))) this.initials?.add(key, entry.id);
    if (bucket === undefined) {
      this.byKey.set(key, entry);
      if (this.sorted) {
        const at = lowerBound(this.sorted, key);
        this.sorted.splice(at, 0, key);
        this.sortedBuckets.splice(at, 0, entry);
      }
    } else if (bucket instanceof Set) bucket.add(entry);
    else if (bucket !== entry) this.setBucket(key, new Set([bucket, entry]));
  }

  remove(key: string, entry: E): void {
    const bucket = this.byKey.get(key);
    if (bucket === undefined) return;
    if (bucket === entry || (bucket instanceof Set && bucket.has(entry)))
      this.initials?.remove(key, entry.id);
    if (bucket instanceof Set) {
      bucket.delete(entry);
      if (bucket.size === 1) this.setBucket(key, bucket.values().next().value as E);
      return;
    }
    if (bucket !== entry) return;
    this.byKey.delete(key);
    if (this.sorted) {
      const at = lowerBound(this.sorted, key);
      if (this.sorted[at] === key) {
        this.sorted.splice(at, 1);
        this.sortedBuckets.splice(at, 1);
      }
    }
  }

  private setBucket(key: string, bucket: Bucket<E>): void {
    this.byKey.set(key, bucket);
    if (!this.sorted) return;
    const at = lowerBound(this.sorted, key);
    if (this.sorted[at] === key) this.sortedBuckets[at] = bucket;
  }

  equal(key: string): E[] {
    const bucket = this.byKey.get(key);
    if (bucket === undefined) return [];
    return bucket instanceof Set ? [...bucket] : [bucket];
  }

  /** The entries under one key without copying (a set may be live: do not change the index meanwhile). */
  bucket(key: string): Iterable<E> & { size?: number; length?: number } {
    const bucket = this.byKey.get(key);
    if (bucket === undefined) return [];
    return bucket instanceof Set ? bucket : [bucket];
  }

  /** Sorts the keys for prefix searches now (at load) rather than on the first prefix search. */
  prepare(): void {
    if (!this.prefix || this.sorted) return;
    this.sorted = [...this.byKey.keys()].sort(compare);
    this.sortedBuckets = this.sorted.map((k) => this.byKey.get(k)!);
  }

  /** The entries whose key starts with `prefix`: counted now, read lazily (no temporary array). */
  startingWith(prefix: string): { size: number; items: Iterable<E> } {
    this.prepare();
    const keys = this.sorted!;
    const from = lowerBound(keys, prefix);
    let to = from;
    let size = 0;
    const buckets = this.sortedBuckets;
    for (; to < keys.length && keys[to].startsWith(prefix); to++) {
      const bucket = buckets[to];
      size += bucket instanceof Set ? bucket.size : 1;
    }
    function* items(): Generator<E> {
      for (let i = from; i < to; i++) {
        const bucket = buckets[i];
        if (bucket instanceof Set) yield* bucket;
        else yield bucket;
      }
    }
    return { size, items: items() };
  }

  /** Calls `visit` for every entry whose key starts with `prefix` (no iterator objects: the hot path of unions). */
  forEachStartingWith(prefix: string, visit: (entry: E) => void): void {
    this.prepare();
    const keys = this.sorted!;
    const buckets = this.sortedBuckets;
    for (let i = lowerBound(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) {
      const bucket = buckets[i];
      if (bucket instanceof Set) bucket.forEach(visit);
      else visit(bucket);
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Which attributes are indexed, and which of them also answer prefix searches. */
export const EQUALITY_INDEXED = new Set([
  'objectclass',
  'objectcategory',
  'legacyexchangedn',
  'member',
  'objectguid',
  'userprincipalname',
]);
export const PREFIX_INDEXED = new Set([
  'cn',
  'name',
  'displayname',
  'givenname',
  'sn',
  'samaccountname',
  'mail',
  'mailnickname',
  'proxyaddresses',
  'physicaldeliveryofficename',
  'msds-additionalsamaccountname',
  'msrtcsip-primaryuseraddress',
  'targetaddress',
]);

/** The index key of a value: lower-cased text, or hex for bytes. */
export function indexKey(value: string | Uint8Array): string {
  return typeof value === 'string' ? value.toLowerCase() : `#${Buffer.from(value).toString('hex')}`;
}
