import { anrMatches, type Searchable } from './anr';
import { type OabRecord, readLayout, readRecordAt } from './oab-decoder';

const SEARCHED: Array<keyof Searchable> = ['displayName', 'givenName', 'surname', 'account', 'smtpAddress'];

/**
 * The local OAB as Outlook searches it: the details file kept as bytes, each record decoded only when
 * a search finds it, found through a sorted index of the searched names (lower-cased) and whose they
 * are. A search narrows by prefix and then applies offline ANR (`anrMatches`) to what it found, so it
 * answers what a scan of every record would, in file order.
 */
export class OabLookup {
  private constructor(
    private readonly data: Buffer,
    private readonly recordProps: number[],
    private readonly offsets: Uint32Array,
    private readonly keys: string[],
    private readonly owners: Uint32Array,
  ) {}

  /** Indexes a Full Details file; throws OabFormatError when a record does not decode. */
  static of(data: Buffer): OabLookup {
    const pairs: Array<[string, number]> = [];
    const layout = readLayout(data, (record, i) => {
      for (const field of SEARCHED) {
        const value = record[field];
        if (typeof value === 'string' && value) pairs.push([value.toLowerCase(), i]);
      }
    });
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    const keys = pairs.map((p) => p[0]);
    const owners = Uint32Array.from(pairs, (p) => p[1]);
    return new OabLookup(data, layout.recordProps, layout.offsets, keys, owners);
  }

  get size(): number {
    return this.offsets.length;
  }

  record(index: number): OabRecord {
    return readRecordAt(this.data, this.recordProps, this.offsets[index]);
  }

  *records(): Generator<OabRecord> {
    for (let i = 0; i < this.size; i++) yield this.record(i);
  }

  /** Offline ANR over the OAB: every record whose name, alias or address starts with the query, or "first last". */
  search(query: string): OabRecord[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const candidates = new Set(this.startingWith(q));
    // "first last" either way: one of the two names starts with the first word.
    const first = q.split(/\s+/)[0];
    if (first !== q) for (const i of this.startingWith(first)) candidates.add(i);
    return [...candidates]
      .sort((x, y) => x - y)
      .map((i) => this.record(i))
      .filter((r) => anrMatches(r, query));
  }

  /** The records one of whose searched names starts with `prefix` (lower-cased). */
  private *startingWith(prefix: string): Generator<number> {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.keys.length && this.keys[k].startsWith(prefix); k++) yield this.owners[k];
  }
}
