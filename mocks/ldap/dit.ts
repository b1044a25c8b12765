import { dnKey, dnsDomainOf, parentKey } from '../../src/tenant/dn';
import type { AttributeValue, DirectoryEntry } from '../../src/tenant/entry';
import { CompactEntry } from './compact-entry';
import { DN_VALUED, keyOrUndefined, valueKey } from './dn-keys';
import type { FilterContext } from './filter';
import { EQUALITY_INDEXED, PREFIX_INDEXED, ValueIndex } from './indexes';
import { SidAllocator } from './sids';
import { ValuePool } from './value-pool';

/** One object of the tree: its data, its DN key, its parent's key, and its last encoded answer (entry-codec.ts). */
export class StoredEntry {
  cache?: { attributes: readonly string[]; op: Buffer };
  constructor(
    readonly id: number,
    public entry: CompactEntry,
    public key: string,
    public parent: string,
  ) {}
  get dn(): string {
    return this.entry.dn;
  }
}

/** AD's MaxValRange: at most this many values of one attribute per read. */
export const MAX_VALUE_RANGE = 1500;

/**
 * The directory information tree of one forest: entries by DN, children, attribute indexes and the
 * member→memberOf back-links. Every change goes through add/remove/replaceAttribute so indexes stay right.
 */
export class Dit implements FilterContext<StoredEntry> {
  baseDn = '';
  domain = '';
  /** MaxValRange: values of one attribute per read (AD's LDAP policy). */
  maxValRange = MAX_VALUE_RANGE;
  netbios = '';
  /** The directory's update sequence number: one more per write (highestCommittedUSN). */
  usn = 0;
  readonly sids = new SidAllocator();
  private nextId = 1;
  readonly byDn = new Map<string, StoredEntry>();
  /** Entries by id (tree order): unions are sorted by id and mapped back through this. */
  readonly byId: Array<StoredEntry | undefined> = [];
  readonly children = new Map<string, Set<StoredEntry>>();
  readonly indexes = new Map<string, ValueIndex<StoredEntry>>();
  /** How values are kept: each its own string, repeated ones once. */
  readonly pool = new ValuePool();

  constructor() {
    const byId = (id: number) => this.byId[id];
    for (const a of EQUALITY_INDEXED) this.indexes.set(a, new ValueIndex(false, byId));
    for (const a of PREFIX_INDEXED) this.indexes.set(a, new ValueIndex(true, byId));
  }

  get size(): number {
    return this.byDn.size;
  }

  /** Names the tree after its naming context (once its entries are in). */
  name(baseDn: string): void {
    this.baseDn = baseDn;
    this.domain = dnsDomainOf(baseDn);
    this.netbios = this.domain.split('.')[0].toUpperCase();
  }

  /** The object of a DN in any spelling; undefined when there is none or the text is no DN. */
  get(dn: string): StoredEntry | undefined {
    const key = keyOrUndefined(dn);
    return key === undefined ? undefined : this.byDn.get(key);
  }

  /** The DN of the nearest existing object at or above a key (AD's matchedDN), '' when none is. */
  closestExisting(key: string): string {
    for (let k = key; k !== ''; k = parentKey(k)) {
      const found = this.byDn.get(k);
      if (found) return found.dn;
    }
    return '';
  }

  /** Adds a new object whose DN is in stored form (storedDn); undefined when its DN is taken. */
  insertNew(source: DirectoryEntry): StoredEntry | undefined {
    const key = dnKey(source.dn);
    return this.byDn.has(key)
      ? undefined
      : this.place(CompactEntry.from(source, this.pool), key, this.nextId++);
  }

  /** Inserts an entry whose DN is in stored form (storedDn); it must not exist yet. */
  insert(source: DirectoryEntry | CompactEntry, id = this.nextId++): StoredEntry {
    const entry = CompactEntry.from(source, this.pool);
    return this.place(entry, dnKey(entry.dn), id);
  }

  private place(entry: CompactEntry, key: string, id: number): StoredEntry {
    const parent = parentKey(key);
    // The parent's own key string when it is in the tree (one string for every child of an OU).
    const stored = new StoredEntry(id, entry, key, this.byDn.get(parent)?.key ?? parent);
    this.byDn.set(key, stored);
    this.byId[id] = stored;
    const siblings = this.children.get(stored.parent) ?? new Set<StoredEntry>();
    this.children.set(stored.parent, siblings);
    siblings.add(stored);
    const keys: string[] = [];
    for (const name of entry.names())
      this.indexValues(stored, name.toLowerCase(), entry.get(name), true, keys);
    return stored;
  }

  remove(stored: StoredEntry): void {
    this.byDn.delete(stored.key);
    if (this.byId[stored.id] === stored) this.byId[stored.id] = undefined;
    this.children.get(stored.parent)?.delete(stored);
    for (const name of stored.entry.names())
      this.indexValues(stored, name.toLowerCase(), stored.entry.get(name), false);
  }

  /** Sets an attribute's values (none removes it), keeping the indexes right. */
  replaceAttribute(stored: StoredEntry, name: string, values: AttributeValue[]): void {
    const key = name.toLowerCase();
    this.indexValues(stored, key, stored.entry.get(name), false);
    stored.entry.set(
      name,
      values.map((v) => this.pool.value(key, v)),
    );
    this.indexValues(stored, key, stored.entry.get(name), true);
    stored.cache = undefined;
  }

  /** Adds or removes the values' index keys; `keys`: the entry's keys so far, so equal keys share one string. */
  private indexValues(
    stored: StoredEntry,
    attribute: string,
    values: AttributeValue[],
    add: boolean,
    keys: string[] = [],
  ): void {
    const index = this.indexes.get(attribute);
    if (!index) return;
    for (const value of values) {
      const key = shared(keys, this.indexKey(attribute, value));
      if (add) index.add(key, stored);
      else index.remove(key, stored);
    }
    if (add && values.length) index.present.add(stored);
    else if (!add) index.present.delete(stored);
  }

  /** A value's index key, sharing the string of the value or of the linked object's key where they are equal. */
  private indexKey(attribute: string, value: AttributeValue): string {
    const key = valueKey(attribute, value);
    if (key === value) return value;
    return DN_VALUED.has(attribute) ? (this.byDn.get(key)?.key ?? key) : key;
  }

  private marks: Uint8Array | undefined;
  private marksBusy = false;

  /** A zeroed bitmap over entry ids for one union: the shared one when free, else a new one. */
  acquireMarks(): Uint8Array {
    if (this.marksBusy) return new Uint8Array(this.byId.length + 1);
    if (!this.marks || this.marks.length < this.byId.length + 1)
      this.marks = new Uint8Array(this.byId.length + 1024);
    this.marksBusy = true;
    return this.marks;
  }

  /** Gives the shared bitmap back (it must be all zeros again). */
  releaseMarks(marks: Uint8Array): void {
    if (marks === this.marks) this.marksBusy = false;
  }

  /** Sorts into the indexes what the load added (called once the data is loaded). */
  prepareIndexes(): void {
    for (const index of this.indexes.values()) index.prepare();
  }

  /** Every entry in the tree, in no particular order (a full scan). */
  all(): Iterable<StoredEntry> {
    return this.byDn.values();
  }

  /** Groups whose member attribute names this entry (the memberOf back-link). */
  memberOf(stored: StoredEntry): StoredEntry[] {
    return this.indexes.get('member')!.equal(stored.key);
  }

  values(stored: StoredEntry, attribute: string): AttributeValue[] {
    if (attribute === 'memberof') return this.memberOf(stored).map((g) => g.dn);
    return stored.entry.get(attribute);
  }

  linked(stored: StoredEntry, attribute: string): StoredEntry[] {
    if (attribute === 'memberof') return this.memberOf(stored);
    return stored.entry.texts(attribute).flatMap((dn) => this.get(dn) ?? []);
  }

  keyOf(stored: StoredEntry): string {
    return stored.key;
  }
}

/** The string of `keys` equal to `key` (or `key`, now one of them). */
function shared(keys: string[], key: string): string {
  for (const k of keys) if (k === key) return k;
  keys.push(key);
  return key;
}
