import { DnSyntaxError, dnKey, namingContextOf } from '../../src/tenant/dn';
import type { DirectoryEntry } from '../../src/tenant/entry';
import { LdifError } from '../../src/tenant/ldif-error';
import { readLdif } from '../../src/tenant/ldif-reader';
import type { LdifRecord } from '../../src/tenant/ldif-records';
import { missingParents } from '../../src/tenant/missing-parents';
import { forestFromRecords } from '../../src/tenant/tenant';
import { Dit } from './dit';
import { type Chunk, chunks, countLines, PieceCutter } from './ldif-pieces';
import { NamingContextTally } from './naming-context-tally';
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
 * The same from the body as it arrives, cut at blank lines into pieces of a few hundred records, each
 * decoded and loaded before the next is read: at a million objects no copy of the document is ever
 * whole. A document with change records is read whole, as `loadDirectory` reads it; pieces are kept
 * for that until HELD_FOR_CHANGES bytes have been loaded, and a change record past that is refused.
 */
export async function loadDirectoryStream(body: AsyncIterable<Buffer>, when: string): Promise<Loaded> {
  const loader = new ContentLoader(when);
  let held: Buffer[] | undefined = [];
  let heldBytes = 0;
  let firstLine = 1;
  const take = (piece: Buffer): 'changes' | undefined => {
    const text = piece.toString('utf8');
    const change = CHANGE_RECORD.exec(text);
    if (change) {
      if (!held)
        throw lateChanges(
          firstLine + countLines(piece.subarray(0, Buffer.byteLength(text.slice(0, change.index)))),
        );
      held.push(piece);
      return 'changes';
    }
    loader.add({ text, firstLine });
    firstLine += countLines(piece);
    heldBytes += piece.length;
    if (held && heldBytes <= HELD_FOR_CHANGES) held.push(piece);
    else held = undefined;
    return undefined;
  };
  const pieces = new PieceCutter();
  const received = body[Symbol.asyncIterator]();
  for (let next = await received.next(); !next.done; next = await received.next())
    for (const piece of pieces.cut(next.value))
      if (take(piece) === 'changes') return readWithChanges(held!, received, pieces, when);
  const last = pieces.rest();
  if (last.length && take(last) === 'changes') return readWithChanges(held!, received, pieces, when);
  forgetLastMatch();
  return loader.finish();
}

/** Bytes of a streamed document kept in case a change record comes (change files are small). */
const HELD_FOR_CHANGES = 16 * 1024 * 1024;

async function readWithChanges(
  held: Buffer[],
  received: AsyncIterator<Buffer>,
  pieces: PieceCutter,
  when: string,
): Promise<Loaded> {
  const all = [...held, ...pieces.drainPending()];
  for (let next = await received.next(); !next.done; next = await received.next()) all.push(next.value);
  const text = Buffer.concat(all).toString('utf8');
  forgetLastMatch();
  return withChanges(text, when);
}

function lateChanges(line: number): LdifError {
  return new LdifError(
    'data',
    line,
    `a change record (changetype:) after the first ${HELD_FOR_CHANGES / 1048576} MB of a data load: load the content, then send the changes apart (or over LDAP)`,
  );
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
  const loader = new ContentLoader(when);
  for (const chunk of pieces) loader.add(chunk);
  return loader.finish();
}

/** Content records added a piece of the document at a time; `finish` settles the tree once all are in. */
class ContentLoader {
  private readonly dit = new Dit();
  private readonly contexts = new NamingContextTally();
  private readonly categorized: number[] = [];

  constructor(private readonly when: string) {}

  add(chunk: Chunk): void {
    const dit = this.dit;
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
      const stored = addLoaded(dit, record.entry, this.when, () => record.line + chunk.firstLine - 1);
      if (guessed) this.categorized.push(stored.id);
      this.contexts.count(stored.dn, stored.key);
    }
  }

  finish(): Loaded {
    const dit = this.dit;
    const best = this.contexts.best();
    if (!best)
      throw new LdifError('data', 1, 'the data holds no directory entries with a DC= naming context');
    if (dnKey(best) !== dnKey(dit.baseDn)) {
      dit.name(best);
      recategorize(dit, this.categorized);
    }
    return settled(dit, this.when);
  }
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
