import { IdSet } from './id-set';
import { InitialsIndex } from './initials-index';

/**
 * Attribute indexes of the mock DC, so that equality, presence and initial-substring (prefix, ANR)
 * searches touch only the entries that can match. Keys are lower-cased values, held in one sorted array
 * (binary search answers equality and prefix ranges) beside their buckets: a bucket is one entry or a
 * set of them (most keys are unique, and a Set per key would cost more memory than the entry). A hash
 * map per index beside the sorted keys cost about as much as the entries' values at 100,000 objects.
 *
 * A load adds every value before the first search: those are kept unsorted and sorted once, when the
 * index is first read (or `prepare`d); later writes go straight into place.
 */
type Many<E extends { readonly id: number }> = Set<E> | IdSet<E>;
type Bucket<E extends { readonly id: number }> = E | Many<E>;

/** Past this many entries a key's Set becomes a byte per entry id (objectClass=top holds every object). */
const BIG_BUCKET = 4096;

function isMany<E extends { readonly id: number }>(bucket: Bucket<E>): bucket is Many<E> {
  return bucket instanceof Set || bucket instanceof IdSet;
}

export class ValueIndex<E extends { readonly id: number }> {
  /** Distinct keys in sorted order, and their buckets at the same positions. */
  private keys: string[] = [];
  private buckets: Array<Bucket<E>> = [];
  /** What a load added, in order, until the first read sorts it in. */
  private pending: { keys: string[]; entries: E[] } | undefined = { keys: [], entries: [] };
  /** The entries that hold a value of the attribute. */
  readonly present: IdSet<E>;
  /** For prefix indexes: sorted id lists per short prefix (unions of prefixes read them in tree order). */
  readonly initials?: InitialsIndex;

  constructor(
    readonly prefix: boolean,
    /** The entry of an id (how `present` is read back). */
    private readonly resolve: (id: number) => E | undefined,
  ) {
    this.present = new IdSet(resolve);
    if (prefix) this.initials = new InitialsIndex();
  }

  add(key: string, entry: E): void {
    if (this.pending) {
      this.pending.keys.push(key);
      this.pending.entries.push(entry);
      return;
    }
    const at = lowerBound(this.keys, key);
    if (this.keys[at] !== key) {
      this.keys.splice(at, 0, key);
      this.buckets.splice(at, 0, entry);
      this.initials?.add(key, entry.id);
      return;
    }
    const bucket = this.buckets[at];
    if (bucket === entry || (isMany(bucket) && bucket.has(entry))) return;
    this.initials?.add(key, entry.id);
    this.buckets[at] = this.grown(bucket, entry);
  }

  /** A key's bucket with one more entry (not in it yet). */
  private grown(bucket: Bucket<E>, entry: E): Many<E> {
    if (!isMany(bucket)) return new Set([bucket, entry]);
    bucket.add(entry);
    if (!(bucket instanceof Set) || bucket.size <= BIG_BUCKET) return bucket;
    const big = new IdSet(this.resolve);
    for (const e of bucket) big.add(e);
    return big;
  }

  remove(key: string, entry: E): void {
    this.prepare();
    const at = lowerBound(this.keys, key);
    if (this.keys[at] !== key) return;
    const bucket = this.buckets[at];
    if (isMany(bucket)) {
      if (!bucket.delete(entry)) return;
      this.initials?.remove(key, entry.id);
      if (bucket.size === 1) for (const only of bucket) this.buckets[at] = only;
      return;
    }
    if (bucket !== entry) return;
    this.initials?.remove(key, entry.id);
    this.keys.splice(at, 1);
    this.buckets.splice(at, 1);
  }

  equal(key: string): E[] {
    const bucket = this.find(key);
    if (bucket === undefined) return [];
    return isMany(bucket) ? [...bucket] : [bucket];
  }

  /** The entries under one key without copying (a set may be live: do not change the index meanwhile). */
  bucket(key: string): Iterable<E> & { size?: number; length?: number } {
    const bucket = this.find(key);
    if (bucket === undefined) return [];
    return isMany(bucket) ? bucket : [bucket];
  }

  private find(key: string): Bucket<E> | undefined {
    this.prepare();
    const at = lowerBound(this.keys, key);
    return this.keys[at] === key ? this.buckets[at] : undefined;
  }

  /**
   * Sorts in what a load added: grouped by key in the order added (so the initials' id lists are
   * appended to in id order), then the distinct keys sorted. Called once the data is loaded.
   */
  prepare(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const grouped = new Map<string, Bucket<E>>();
    for (let i = 0; i < pending.keys.length; i++) {
      const key = pending.keys[i];
      const entry = pending.entries[i];
      const bucket = grouped.get(key);
      if (bucket === entry || (bucket !== undefined && isMany(bucket) && bucket.has(entry))) continue;
      this.initials?.add(key, entry.id);
      grouped.set(key, bucket === undefined ? entry : this.grown(bucket, entry));
    }
    this.keys = [...grouped.keys()].sort(compare);
    this.buckets = this.keys.map((k) => grouped.get(k) as Bucket<E>);
    this.initials?.trim();
  }

  /** The entries whose key starts with `prefix`: counted now, read lazily (no temporary array). */
  startingWith(prefix: string): { size: number; items: Iterable<E> } {
    this.prepare();
    const keys = this.keys;
    const from = lowerBound(keys, prefix);
    let to = from;
    let size = 0;
    const buckets = this.buckets;
    for (; to < keys.length && keys[to].startsWith(prefix); to++) {
      const bucket = buckets[to];
      size += isMany(bucket) ? bucket.size : 1;
    }
    function* items(): Generator<E> {
      for (let i = from; i < to; i++) {
        const bucket = buckets[i];
        if (isMany(bucket)) yield* bucket;
        else yield bucket;
      }
    }
    return { size, items: items() };
  }

  /** Calls `visit` for every entry whose key starts with `prefix` (no iterator objects: the hot path of unions). */
  forEachStartingWith(prefix: string, visit: (entry: E) => void): void {
    this.prepare();
    const keys = this.keys;
    const buckets = this.buckets;
    for (let i = lowerBound(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) {
      const bucket = buckets[i];
      if (isMany(bucket)) bucket.forEach(visit);
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
