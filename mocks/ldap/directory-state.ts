import type { AttributeValue } from '../../src/tenant/entry';
import { LdifError } from '../../src/tenant/ldif-error';
import { AdminInputError } from '../admin';
import { loadDirectory } from './directory-load';
import { Dit, type StoredEntry } from './dit';

/**
 * The loaded forest and the way back to it: every write records how to undo itself, so that reset
 * (before each scenario) restores the loaded data in time proportional to the writes, not the tree.
 */
export class DirectoryState {
  dit = new Dit();
  private undo: Array<() => void> = [];

  /** Replaces the data with an LDIF document; on bad input throws (naming the line) and keeps the old data. */
  load(text: string): { entries: number; baseDn: string } {
    let dit: Dit;
    try {
      dit = loadDirectory(text);
    } catch (error) {
      if (error instanceof LdifError)
        throw new AdminInputError(
          `[mock:ldap] malformed LDIF: ${error.message}`,
          'bad-ldif',
          `line ${error.line}`,
        );
      throw error;
    }
    this.dit = dit;
    this.undo = [];
    return { entries: dit.size, baseDn: dit.baseDn };
  }

  /** Undoes every write since the data was loaded, newest first. */
  reset(): number {
    const count = this.undo.length;
    while (this.undo.length) this.undo.pop()!();
    return count;
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
}
