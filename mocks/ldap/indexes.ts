/**
 * Attribute indexes of the mock DC, so that equality, presence and initial-substring (prefix, ANR)
 * searches touch only the entries that can match. Keys are lower-cased values; a key holds one entry
 * or a set of them (most keys are unique, and a Set per key would cost more memory than the entry).
 */
type Bucket<E> = E | Set<E>;

export class ValueIndex<E extends object> {
  private readonly byKey = new Map<string, Bucket<E>>();
  /** Distinct keys in sorted order, for prefix ranges; kept only for prefix-indexed attributes. */
  private sorted: string[] | undefined;
  readonly present = new Set<E>();

  constructor(readonly prefix: boolean) {}

  add(key: string, entry: E): void {
    const bucket = this.byKey.get(key);
    if (bucket === undefined) {
      this.byKey.set(key, entry);
      if (this.sorted) this.sorted.splice(lowerBound(this.sorted, key), 0, key);
    } else if (bucket instanceof Set) bucket.add(entry);
    else if (bucket !== entry) this.byKey.set(key, new Set([bucket, entry]));
  }

  remove(key: string, entry: E): void {
    const bucket = this.byKey.get(key);
    if (bucket === undefined) return;
    if (bucket instanceof Set) {
      bucket.delete(entry);
      if (bucket.size === 1) this.byKey.set(key, bucket.values().next().value as E);
      return;
    }
    if (bucket !== entry) return;
    this.byKey.delete(key);
    if (this.sorted) {
      const at = lowerBound(this.sorted, key);
      if (this.sorted[at] === key) this.sorted.splice(at, 1);
    }
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

  /** Every entry with a key that starts with `prefix` (deduplicated). */
  startingWith(prefix: string, into: E[] = []): E[] {
    this.sorted ??= [...this.byKey.keys()].sort(compare);
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length; i++) {
      const key = this.sorted[i];
      if (!key.startsWith(prefix)) break;
      const bucket = this.byKey.get(key)!;
      if (bucket instanceof Set) for (const e of bucket) into.push(e);
      else into.push(bucket);
    }
    return into;
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
