import { canonicalDn, DnSyntaxError, dnKey, formatDn, parseDn } from './dn';
import type { DirectoryEntry } from './entry';
import { LdifError } from './ldif-error';
import type { LdifRecord } from './ldif-records';

type Range = { from: number; to: number | '*' };
type ContentRecord = Extract<LdifRecord, { type: 'content' | 'add' }>;

/**
 * The objects an LDIF file describes: content and add records by DN (in one normal form), change
 * records applied in order, and the halves of a ranged attribute (`member;range=0-1499` in one
 * record, `member;range=1500-*` in a later one for the same DN, as ldapsearch gets them from AD)
 * joined. A ranged attribute whose ranges do not reach `*` is kept and named in `notes`.
 */
export function entriesFromRecords(
  records: LdifRecord[],
  file: string,
): { entries: DirectoryEntry[]; notes: string[] } {
  const byKey = new Map<string, DirectoryEntry>();
  const ranges = new Map<string, Map<string, Range[]>>();
  const keyOf = (dn: string, line: number) => {
    try {
      return dnKey(dn);
    } catch (error) {
      if (error instanceof DnSyntaxError) throw new LdifError(file, line, error.message, 'dn');
      throw error;
    }
  };
  const need = (dn: string, line: number, what: string) => {
    const entry = byKey.get(keyOf(dn, line));
    if (!entry) throw new LdifError(file, line, `${what} of unknown entry ${dn}`, 'dn');
    return entry;
  };
  for (const record of records) {
    switch (record.type) {
      case 'content':
      case 'add': {
        const key = keyOf(record.entry.dn, record.line);
        const existing = byKey.get(key);
        const seen = rangesOf(record);
        if (existing && !seen && !ranges.has(key))
          throw new LdifError(file, record.line, `duplicate entry ${record.entry.dn}`, 'dn');
        if (existing) joinHalves(existing, record.entry);
        else byKey.set(key, readable(record.entry));
        if (seen) remember(ranges, key, seen);
        break;
      }
      case 'delete':
        need(record.dn, record.line, 'delete');
        byKey.delete(keyOf(record.dn, record.line));
        break;
      case 'modify': {
        const entry = need(record.dn, record.line, 'modify');
        for (const mod of record.modifications) {
          if (mod.operation === 'add') for (const v of mod.values) entry.add(mod.attribute, v);
          else if (mod.operation === 'replace') entry.set(mod.attribute, mod.values);
          else entry.delete(mod.attribute, mod.values);
        }
        break;
      }
      case 'modrdn': {
        const entry = need(record.dn, record.line, 'modrdn');
        const rdns = parseDn(record.dn);
        const parent = record.newSuperior ?? formatDn(rdns.slice(1));
        const moved = entry.clone(canonicalDn(`${record.newRdn},${parent}`));
        byKey.delete(keyOf(record.dn, record.line));
        byKey.set(dnKey(moved.dn), moved);
        break;
      }
    }
  }
  return { entries: [...byKey.values()], notes: incompleteRanges(byKey, ranges) };
}

function rangesOf(record: ContentRecord): Record<string, Range[]> | undefined {
  const seen = (record as { ranges?: Record<string, Range[]> }).ranges;
  return seen && Object.keys(seen).length ? seen : undefined;
}

function remember(all: Map<string, Map<string, Range[]>>, key: string, seen: Record<string, Range[]>): void {
  const mine = all.get(key) ?? new Map<string, Range[]>();
  all.set(key, mine);
  for (const [attribute, list] of Object.entries(seen))
    mine.set(attribute, [...(mine.get(attribute) ?? []), ...list]);
}

/** The later record of a ranged read adds its values; attributes the first record had are kept. */
function joinHalves(into: DirectoryEntry, later: DirectoryEntry): void {
  for (const name of later.names()) {
    const have = new Set(into.texts(name).map((v) => v.toLowerCase()));
    for (const value of later.get(name)) {
      const text = typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
      if (!have.has(text.toLowerCase())) into.add(name, value);
    }
  }
}

/** DNs written with hex escapes or quotes (`CN=Ren\c3\a9e`) are kept in AD's readable form. */
function readable(entry: DirectoryEntry): DirectoryEntry {
  return /\\[0-9A-Fa-f]{2}|"/.test(entry.dn) ? entry.clone(canonicalDn(entry.dn)) : entry;
}

function incompleteRanges(
  byKey: Map<string, DirectoryEntry>,
  ranges: Map<string, Map<string, Range[]>>,
): string[] {
  const notes: string[] = [];
  for (const [key, attributes] of ranges) {
    const entry = byKey.get(key);
    if (!entry) continue;
    for (const [attribute, list] of attributes) {
      const sorted = [...list].sort((a, b) => a.from - b.from);
      let next = 0;
      for (const range of sorted) {
        if (range.from > next) break;
        next = range.to === '*' ? Number.POSITIVE_INFINITY : Math.max(next, range.to + 1);
      }
      if (next !== Number.POSITIVE_INFINITY)
        notes.push(
          `${entry.dn}: ${attribute} holds ${entry.get(attribute).length} values read in ranges; the export does not hold the rest (${attribute};range=${next}-*)`,
        );
    }
  }
  return notes;
}
