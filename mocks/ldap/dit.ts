import { type AttributeValue, type DirectoryEntry, dnsDomainOf } from '../../src/tenant/entry';
import { CompactEntry } from './compact-entry';
import { type FilterContext, normalizeDn } from './filter';
import { EQUALITY_INDEXED, indexKey, PREFIX_INDEXED, ValueIndex } from './indexes';

/** One object of the tree: its data, where it sits, and its last encoded answer (entry-codec.ts). */
export class StoredEntry {
  cache?: { attributes: string[]; op: Buffer };
  constructor(
    readonly id: number,
    public entry: CompactEntry,
    public ndn: string,
    public parent: string,
  ) {}
  get dn(): string {
    return this.entry.dn;
  }
}

const DN_VALUED = new Set(['member', 'distinguishedname', 'objectcategory', 'manager']);

const dnKeys = new Map<string, string>();

/** The index key of a value; DN values (member, objectCategory) are normalized, with a small cache. */
export function keyOf(attribute: string, value: AttributeValue): string {
  if (!DN_VALUED.has(attribute) || typeof value !== 'string') return indexKey(value);
  let key = dnKeys.get(value);
  if (key === undefined) {
    key = normalizeDn(value);
    if (dnKeys.size > 8192) dnKeys.clear();
    dnKeys.set(value, key);
  }
  return key;
}

export function parentOf(ndn: string): string {
  const comma = ndn.search(/(?<!\\),/);
  return comma < 0 ? '' : ndn.slice(comma + 1);
}

/**
 * The directory information tree of one forest: entries by DN, children, attribute indexes and the
 * member→memberOf back-links. Every change goes through add/remove/replaceAttribute so indexes stay right.
 */
export class Dit implements FilterContext<StoredEntry> {
  baseDn = '';
  domain = '';
  netbios = '';
  private nextId = 1;
  readonly byDn = new Map<string, StoredEntry>();
  /** Entries by id (tree order): unions are sorted by id and mapped back through this. */
  readonly byId: Array<StoredEntry | undefined> = [];
  readonly children = new Map<string, Set<StoredEntry>>();
  readonly indexes = new Map<string, ValueIndex<StoredEntry>>();

  constructor() {
    for (const a of EQUALITY_INDEXED) this.indexes.set(a, new ValueIndex(false));
    for (const a of PREFIX_INDEXED) this.indexes.set(a, new ValueIndex(true));
  }

  get size(): number {
    return this.byDn.size;
  }

  /** Replaces the whole tree. The naming context is the DC= tail most entries share. */
  static from(entries: DirectoryEntry[], baseDn: string): Dit {
    const dit = new Dit();
    dit.baseDn = baseDn;
    dit.domain = dnsDomainOf(baseDn);
    dit.netbios = dit.domain.split('.')[0].toUpperCase();
    for (const entry of entries) dit.insert(withOperationalAttributes(entry));
    dit.prepareIndexes();
    return dit;
  }

  /** Names the tree after its naming context (once its entries are in). */
  name(baseDn: string): void {
    this.baseDn = baseDn;
    this.domain = dnsDomainOf(baseDn);
    this.netbios = this.domain.split('.')[0].toUpperCase();
  }

  get(dn: string): StoredEntry | undefined {
    return this.byDn.get(this.normalized(dn));
  }

  /** normalizeDn with a small cache: clients search the same few bases again and again. */
  private readonly dnCache = new Map<string, string>();
  normalized(dn: string): string {
    let n = this.dnCache.get(dn);
    if (n === undefined) {
      n = normalizeDn(dn);
      if (this.dnCache.size > 4096) this.dnCache.clear();
      this.dnCache.set(dn, n);
    }
    return n;
  }

  insert(source: DirectoryEntry | CompactEntry, id = this.nextId++): StoredEntry {
    const entry = CompactEntry.from(source);
    const ndn = normalizeDn(entry.dn);
    const stored = new StoredEntry(id, entry, ndn, parentOf(ndn));
    this.byDn.set(ndn, stored);
    this.byId[id] = stored;
    const siblings = this.children.get(stored.parent) ?? new Set<StoredEntry>();
    this.children.set(stored.parent, siblings);
    siblings.add(stored);
    for (const name of entry.names()) this.indexValues(stored, name.toLowerCase(), entry.get(name), true);
    return stored;
  }

  remove(stored: StoredEntry): void {
    this.byDn.delete(stored.ndn);
    if (this.byId[stored.id] === stored) this.byId[stored.id] = undefined;
    this.children.get(stored.parent)?.delete(stored);
    for (const name of stored.entry.names())
      this.indexValues(stored, name.toLowerCase(), stored.entry.get(name), false);
  }

  /** Sets an attribute's values (none removes it), keeping the indexes right. */
  replaceAttribute(stored: StoredEntry, name: string, values: AttributeValue[]): void {
    const key = name.toLowerCase();
    this.indexValues(stored, key, stored.entry.get(name), false);
    stored.entry.set(name, values);
    this.indexValues(stored, key, values, true);
    stored.cache = undefined;
  }

  private indexValues(stored: StoredEntry, attribute: string, values: AttributeValue[], add: boolean): void {
    const index = this.indexes.get(attribute);
    if (!index) return;
    for (const value of values) {
      const key = keyOf(attribute, value);
      if (add) index.add(key, stored);
      else index.remove(key, stored);
    }
    if (add && values.length) index.present.add(stored);
    else if (!add) index.present.delete(stored);
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

  /** Sorts the prefix indexes' keys (called once the data is loaded). */
  prepareIndexes(): void {
    for (const index of this.indexes.values()) index.prepare();
  }

  /** Every entry in the tree, in no particular order (a full scan). */
  all(): Iterable<StoredEntry> {
    return this.byDn.values();
  }

  /** Groups whose member attribute names this entry (the memberOf back-link). */
  memberOf(stored: StoredEntry): StoredEntry[] {
    return this.indexes.get('member')!.equal(stored.ndn);
  }

  values(stored: StoredEntry, attribute: string): AttributeValue[] {
    if (attribute === 'memberof') return this.memberOf(stored).map((g) => g.dn);
    return stored.entry.get(attribute);
  }

  linked(stored: StoredEntry, attribute: string): StoredEntry[] {
    if (attribute === 'memberof') return this.memberOf(stored);
    return stored.entry.texts(attribute).flatMap((dn) => this.get(dn) ?? []);
  }

  dnOf(stored: StoredEntry): string {
    return stored.dn;
  }
}

/** What AD keeps on every object even when an export leaves it out: name, distinguishedName, objectGUID. */
export function withOperationalAttributes(entry: DirectoryEntry): DirectoryEntry {
  const rdn = /^[^=]+=((?:\\.|[^,\\])*)/.exec(entry.dn)?.[1] ?? '';
  if (!entry.has('distinguishedName')) entry.set('distinguishedName', [entry.dn]);
  if (!entry.has('name') && rdn) entry.set('name', [rdn.replace(/\\(.)/g, '$1')]);
  if (!entry.has('objectGUID')) entry.set('objectGUID', [guidFor(entry.dn)]);
  return entry;
}

let slab = new Uint8Array(0);
let used = 0;

/** A stable objectGUID for an object exported without one: 16 bytes hashed from its DN, cut from a shared slab. */
function guidFor(dn: string): Uint8Array {
  if (used + 16 > slab.length) {
    slab = new Uint8Array(64 * 1024);
    used = 0;
  }
  const guid = slab.subarray(used, used + 16);
  used += 16;
  const text = dn.toLowerCase();
  for (let lane = 0; lane < 4; lane++) {
    let h = 0x811c9dc5 ^ (lane * 0x9e3779b9);
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    guid[lane * 4] = h >>> 24;
    guid[lane * 4 + 1] = (h >>> 16) & 0xff;
    guid[lane * 4 + 2] = (h >>> 8) & 0xff;
    guid[lane * 4 + 3] = h & 0xff;
  }
  return guid;
}
