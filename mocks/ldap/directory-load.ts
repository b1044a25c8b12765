import { DnSyntaxError, dnKey, namingContextOf, parentKey } from '../../src/tenant/dn';
import type { DirectoryEntry } from '../../src/tenant/entry';
import { LdifError } from '../../src/tenant/ldif-error';
import { readLdif } from '../../src/tenant/ldif-reader';
import type { LdifRecord } from '../../src/tenant/ldif-records';
import { missingParents } from '../../src/tenant/missing-parents';
import { forestFromRecords } from '../../src/tenant/tenant';
import { Dit } from './dit';
import { recategorize, withOperationalAttributes } from './operational';

/** A loaded tree, and the DNs of the objects the load added because the export left them out. */
export interface Loaded {
  dit: Dit;
  addedParents: string[];
}

/**
 * Builds the tree of an LDIF document, every object completed as AD holds it and created at `when`
 * (GeneralizedTime); throws LdifError naming the line.
 */
export function loadDirectory(text: string, when: string): Loaded {
  const changes = CHANGE_RECORD.test(text);
  forgetLastMatch();
  return changes ? withChanges(text, when) : contentOnly(chunks(text, CHUNK_RECORDS), when);
}

/**
 * The same from UTF-8 bytes as received, decoded a few hundred records at a time: a plain export is
 * never held whole as text (at a million objects that text would pass V8's longest string).
 */
export function loadDirectoryBytes(bytes: Buffer, when: string): Loaded {
  let changes = false;
  for (const chunk of byteChunks(bytes, CHUNK_RECORDS)) if (CHANGE_RECORD.test(chunk.text)) changes = true;
  forgetLastMatch();
  return changes
    ? withChanges(bytes.toString('utf8'), when)
    : contentOnly(byteChunks(bytes, CHUNK_RECORDS), when);
}

const CHANGE_RECORD = /^changetype:/im;
const CHUNK_RECORDS = 500;

/** V8 keeps the subject of the last match (RegExp.input): that would keep a whole text alive. */
function forgetLastMatch(): void {
  /(?:)/.exec('');
}

/** A tree of these entries in a known naming context. */
export function directoryOf(entries: DirectoryEntry[], baseDn: string, when = '20141201000000.0Z'): Dit {
  const dit = new Dit();
  dit.name(baseDn);
  for (const entry of entries) addLoaded(dit, entry, when, () => 0);
  return settled(dit, when).dit;
}

/** An LDIF with change records: read whole, changes applied in order (src/tenant does that). */
function withChanges(text: string, when: string): Loaded {
  const records = readLdif(text, 'data');
  const forest = forestFromRecords(records, 'onpremises', 'data');
  const dit = new Dit();
  dit.name(forest.baseDn);
  for (const entry of forest.entries) addLoaded(dit, entry, when, () => lineOf(records, entry.dn));
  const loaded = settled(dit, when);
  // forestFromRecords adds the missing parents itself (addedByHarness): they are still not the user's.
  return { dit, addedParents: [...forest.addedByHarness, ...loaded.addedParents] };
}

/**
 * What a load does once every object is in: the naming-context head and the containers the export
 * left out (a DC answers for its own naming context), then the SIDs that needed the domain.
 */
function settled(dit: Dit, when: string): Loaded {
  const addedParents = addMissingParents(dit, when);
  dit.sids.settle(dit);
  dit.prepareIndexes();
  return { dit, addedParents };
}

/** Adds the objects missingParents() gives for the objects whose parent is not in the tree. */
function addMissingParents(dit: Dit, when: string): string[] {
  const orphans: string[] = [];
  for (const [parent, children] of dit.children)
    if (parent !== '' && children.size && !dit.byDn.has(parent))
      orphans.push(children.values().next().value!.dn);
  const added: string[] = [];
  // Given only the orphans, missingParents also names ancestors the tree holds: those are skipped.
  for (const entry of orphans.length ? missingParents(orphans) : []) {
    const stored = dit.get(entry.dn) ? undefined : dit.insertNew(withOperationalAttributes(dit, entry, when));
    if (stored) added.push(stored.dn);
  }
  return added;
}

/**
 * A plain export (content records only), read a few thousand records at a time straight into the
 * tree, so a 100,000-object forest never exists twice in memory.
 */
function contentOnly(pieces: Iterable<Chunk>, when: string): Loaded {
  const dit = new Dit();
  const contexts = new NamingContextTally();
  const categorized: number[] = [];
  for (const chunk of pieces) {
    let records: LdifRecord[];
    try {
      records = readLdif(chunk.text, 'data');
    } catch (error) {
      if (!(error instanceof LdifError)) throw error;
      const line = error.line + chunk.firstLine - 1;
      throw new LdifError('data', line, error.message.replace(/^data:\d+: /, ''));
    }
    for (const record of records) {
      if (record.type !== 'content' && record.type !== 'add') continue;
      if (!dit.baseDn) nameProvisionally(dit, record.entry.dn);
      const guessed = !record.entry.has('objectCategory');
      const stored = addLoaded(dit, record.entry, when, () => record.line + chunk.firstLine - 1);
      if (guessed) categorized.push(stored.id);
      contexts.count(stored.dn, stored.key);
    }
  }
  const best = contexts.best();
  if (!best) throw new LdifError('data', 1, 'the data holds no directory entries with a DC= naming context');
  if (dnKey(best) !== dnKey(dit.baseDn)) {
    dit.name(best);
    recategorize(dit, categorized);
  }
  return settled(dit, when);
}

/**
 * Names the tree after the first object's naming context while loading, so that categories are
 * filled as objects come in; most exports hold one naming context, and the others are put right
 * once it is known which one most objects share.
 */
function nameProvisionally(dit: Dit, dn: string): void {
  try {
    const nc = namingContextOf(dn);
    if (nc) dit.name(nc);
  } catch (error) {
    if (!(error instanceof DnSyntaxError)) throw error;
  }
}

/** Adds one loaded object; a malformed or repeated DN is an LdifError on the record's line. */
function addLoaded(dit: Dit, entry: DirectoryEntry, when: string, line: () => number) {
  try {
    const stored = dit.insertNew(withOperationalAttributes(dit, entry, when));
    if (stored) return stored;
    throw new LdifError('data', line(), `duplicate entry ${entry.dn}`, 'dn');
  } catch (error) {
    if (error instanceof DnSyntaxError) throw new LdifError('data', line(), error.message, 'dn');
    throw error;
  }
}

function lineOf(records: LdifRecord[], dn: string): number {
  const found = records.find((r) => (r.type === 'content' || r.type === 'add' ? r.entry.dn : r.dn) === dn);
  return found?.line ?? 0;
}

/** Counts objects per naming context (the DC= tail), parsing one DN per parent, not per object. */
class NamingContextTally {
  private readonly byParent = new Map<string, Tally | null>();
  private readonly byKey = new Map<string, Tally>();

  count(dn: string, key: string): void {
    const head = key.startsWith('dc=');
    let tally = head ? undefined : this.byParent.get(parentKey(key));
    if (tally === undefined) {
      tally = this.tallyOf(namingContextOf(dn));
      if (!head) this.byParent.set(parentKey(key), tally);
    }
    if (tally) tally.count++;
  }

  /** The naming context most objects share, spelled as the first of them spelled it. */
  best(): string | undefined {
    return [...this.byKey.values()].sort((a, b) => b.count - a.count)[0]?.dn;
  }

  private tallyOf(nc: string): Tally | null {
    if (!nc) return null;
    const key = dnKey(nc);
    let tally = this.byKey.get(key);
    if (!tally) {
      tally = { dn: nc, count: 0 };
      this.byKey.set(key, tally);
    }
    return tally;
  }
}

interface Tally {
  dn: string;
  count: number;
}

/** A piece of an LDIF document and the line it starts on. */
interface Chunk {
  text: string;
  firstLine: number;
}

/** Splits LDIF text at blank lines into pieces of about `records` records, with each piece's first line number. */
function* chunks(text: string, records: number): Generator<Chunk> {
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

/** The same split over UTF-8 bytes (a line feed is never part of a multi-byte character), each piece decoded alone. */
function* byteChunks(bytes: Buffer, records: number): Generator<Chunk> {
  let start = 0;
  let line = 1;
  while (start < bytes.length) {
    let end = start;
    for (let n = 0; n < records && end < bytes.length; n++) {
      const gap = bytes.indexOf(BLANK_LINE, end);
      end = gap < 0 ? bytes.length : gap + 2;
    }
    yield { text: bytes.toString('utf8', start, end), firstLine: line };
    for (let i = start; i < end; i++) if (bytes[i] === 10) line++;
    start = end;
  }
}

const BLANK_LINE = Buffer.from('\n\n');
