import { type AttributeValue, namingContextOf } from '../../src/tenant/entry';
import { LdifError } from '../../src/tenant/ldif-error';
import { readLdif } from '../../src/tenant/ldif-reader';
import { forestFromRecords } from '../../src/tenant/tenant';
import { AdminInputError } from '../admin';
import { Dit, type StoredEntry, withOperationalAttributes } from './dit';

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
      dit = /^changetype:/im.test(text) ? withChanges(text) : contentOnly(text);
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

/** An LDIF with change records: read whole, changes applied in order (src/tenant does that). */
function withChanges(text: string): Dit {
  const forest = forestFromRecords(readLdif(text, 'data'), 'onpremises', 'data');
  return Dit.from(forest.entries, forest.baseDn);
}

/**
 * A plain export (content records only), read a few thousand records at a time straight into the
 * tree, so a 100,000-object forest never exists twice in memory.
 */
function contentOnly(text: string): Dit {
  const dit = new Dit();
  const contexts = new Map<string, { dn: string; count: number }>();
  for (const chunk of chunks(text, 500)) {
    let records: ReturnType<typeof readLdif>;
    try {
      records = readLdif(chunk.text, 'data');
    } catch (error) {
      if (!(error instanceof LdifError)) throw error;
      const line = error.line + chunk.firstLine - 1;
      throw new LdifError('data', line, error.message.replace(/^data:\d+: /, ''));
    }
    for (const record of records) {
      if (record.type !== 'content' && record.type !== 'add') continue;
      const line = record.line + chunk.firstLine - 1;
      if (dit.get(record.entry.dn))
        throw new LdifError('data', line, `duplicate entry ${record.entry.dn}`, 'dn');
      dit.insert(withOperationalAttributes(record.entry));
      const nc = namingContextOf(record.entry.dn);
      const seen = contexts.get(nc.toLowerCase()) ?? { dn: nc, count: 0 };
      seen.count++;
      if (nc) contexts.set(nc.toLowerCase(), seen);
    }
  }
  const best = [...contexts.values()].sort((a, b) => b.count - a.count)[0];
  if (!best) throw new LdifError('data', 1, 'the data holds no directory entries with a DC= naming context');
  dit.name(best.dn);
  dit.prepareIndexes();
  return dit;
}

/** Splits LDIF text at blank lines into pieces of about `records` records, with each piece's first line number. */
function* chunks(text: string, records: number): Generator<{ text: string; firstLine: number }> {
  let start = 0;
  let line = 1;
  while (start < text.length) {
    let end = start;
    for (let n = 0; n < records && end < text.length; n++) {
      const gap = text.indexOf('\n\n', end);
      end = gap < 0 ? text.length : gap + 2;
    }
    const piece = text.slice(start, end);
    yield { text: piece, firstLine: line };
    for (let i = 0; i < piece.length; i++) if (piece.charCodeAt(i) === 10) line++;
    start = end;
  }
}
