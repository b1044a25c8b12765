import type { AttributeValue, DirectoryEntry } from '../../src/tenant/entry';
import { LdifError } from '../../src/tenant/ldif-error';
import { AdminInputError, VirtualClock } from '../admin';
import { type Loaded, loadDirectory, loadDirectoryStream } from './directory-load';
import { Dit, type StoredEntry } from './dit';
import { ldapMechanism } from './mechanism-faults';
import { generalizedTime, withOperationalAttributes } from './operational';

/** What `PUT /__admin/data` answers. */
export interface LoadAnswer {
  /** Objects the DC now holds, the added parents included. */
  entries: number;
  baseDn: string;
  /** DNs of the objects the export left out and the DC added: the naming-context head, the OUs above. */
  addedParents: string[];
}

/**
 * The loaded forest and the way back to it: every write records how to undo itself, so that reset
 * (before each scenario) restores the loaded data in time proportional to the writes, not the tree.
 * Writes are stamped from the mock's virtual clock and the directory's USN counter.
 */
export class DirectoryState {
  dit = new Dit();
  private undo: Array<() => void> = [];
  /** The USN and next RID right after the load: reset takes the counters back there. */
  private loaded = { usn: 0, rid: 0 };

  /** How this DC differs from the AD the notes assume (selftest), until the next reset. */
  readonly mechanism = ldapMechanism(() => this.applyMechanism());

  constructor(private readonly clock: { now(): Date } = new VirtualClock()) {}

  /** Back to AD's behaviour (the admin reset), re-encoding answers only if MaxValRange had changed. */
  resetMechanism(): void {
    const range = this.mechanism.values.maxValRange;
    this.mechanism.reset();
    if (range !== this.mechanism.values.maxValRange) this.applyMechanism();
  }

  private applyMechanism(): void {
    this.dit.maxValRange = this.mechanism.values.maxValRange;
    // Cached answers hold member values ranged at the old MaxValRange.
    for (const stored of this.dit.byDn.values()) stored.cache = undefined;
  }

  /** Replaces the data with an LDIF document; on bad input throws (naming the line) and keeps the old data. */
  load(text: string): LoadAnswer {
    return this.replaceWith(() => loadDirectory(text, this.now()));
  }

  /** The same as the document arrives (PUT /__admin/data): the old data serves until the new is in. */
  async loadStream(body: AsyncIterable<Buffer>): Promise<LoadAnswer> {
    let result: Loaded;
    try {
      result = await loadDirectoryStream(body, this.now());
    } catch (error) {
      throw asAdminError(error);
    }
    return this.installed(result);
  }

  private replaceWith(read: () => Loaded): LoadAnswer {
    let result: Loaded;
    try {
      result = read();
    } catch (error) {
      throw asAdminError(error);
    }
    return this.installed(result);
  }

  private installed(result: Loaded): LoadAnswer {
    const dit = result.dit;
    dit.maxValRange = this.mechanism.values.maxValRange;
    this.dit = dit;
    this.undo = [];
    this.loaded = { usn: dit.usn, rid: dit.sids.nextRid };
    return { entries: dit.size, baseDn: dit.baseDn, addedParents: result.addedParents };
  }

  /** Undoes every write since the data was loaded, newest first. */
  reset(): number {
    const count = this.undo.length;
    while (this.undo.length) this.undo.pop()!();
    this.dit.usn = this.loaded.usn;
    this.dit.sids.nextRid = this.loaded.rid;
    return count;
  }

  /** The time and USN of one write (the directory's USN goes up by one). */
  stamp(): { when: string; usn: string } {
    return { when: this.now(), usn: String(++this.dit.usn) };
  }

  /** Adds a new object as AD creates it: its operational attributes stamped now. */
  create(entry: DirectoryEntry): StoredEntry {
    return this.insert(withOperationalAttributes(this.dit, entry, this.now()));
  }

  /** A modify changed the object: whenChanged and uSNChanged move on. */
  touch(stored: StoredEntry): void {
    const { when, usn } = this.stamp();
    this.replace(stored, 'whenChanged', [when]);
    this.replace(stored, 'uSNChanged', [usn]);
  }

  /** Sets an attribute and remembers its previous values (looked up by DN when undone). */
  replace(stored: StoredEntry, name: string, values: AttributeValue[]): void {
    const before = [...stored.entry.get(name)];
    const dn = stored.dn;
    this.dit.replaceAttribute(stored, name, values);
    this.undo.push(() => {
      const current = this.dit.get(dn);
      if (current) this.dit.replaceAttribute(current, name, before);
    });
  }

  insert(entry: Parameters<Dit['insert']>[0], id?: number): StoredEntry {
    const stored = this.dit.insert(entry, id);
    this.undo.push(() => {
      const current = this.dit.get(entry.dn);
      if (current) this.dit.remove(current);
    });
    return stored;
  }

  remove(stored: StoredEntry): void {
    this.dit.remove(stored);
    this.undo.push(() => this.dit.insert(stored.entry, stored.id));
  }

  private now(): string {
    return generalizedTime(this.clock.now());
  }
}

/** A malformed document is the admin caller's 400, naming the line. */
function asAdminError(error: unknown): unknown {
  if (!(error instanceof LdifError)) return error;
  return new AdminInputError(
    `[mock:ldap] malformed LDIF: ${error.message}`,
    'bad-ldif',
    `line ${error.line}`,
  );
}
