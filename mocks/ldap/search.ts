import { CODE, LdapError, NOT_BOUND, noSuchObject } from './ad-errors';
import { type Control, pagedValue, RESPONSE, result, resultOp } from './ber';
import { compileFilter } from './compile-filter';
import type { Dit, StoredEntry } from './dit';
import { requestKey } from './dn-keys';
import { encodeEntry, encodeEntryOp } from './entry-codec';
import { searchAnswer, wrapMessage } from './entry-writer';
import { type Filter, matches } from './filter';
import type { LdapRequest } from './ldap-request';
import { partitionReferences } from './partition-references';
import { candidates } from './planner';
import type { Session } from './session';

export const PAGED_RESULTS_OID = '1.2.840.113556.1.4.319';
/** AD's MaxPageSize: pages are capped at 1,000, and so is a search without the paging control. */
export const MAX_PAGE_SIZE = 1000;

/** A search as the DC runs it: the decoded request, its paging control read out of the controls. */
export type SearchRequest = Omit<Extract<LdapRequest, { op: 'search' }>, 'op' | 'controls'> & {
  paged?: { size: number; cookie: Buffer };
};

export interface SearchAnswer {
  /** The whole answer, entries and SearchResultDone, written together (one corked write). */
  bytes: Buffer | Buffer[];
  code: number;
  entries: number;
}

export function search(dit: Dit, session: Session, req: SearchRequest): SearchAnswer {
  if (session.principal.kind === 'anonymous') throw NOT_BOUND;
  if (req.paged && req.paged.cookie.length > 0) return nextPage(dit, session, req);
  const base = req.base.trim() === '' ? dit.baseDn : req.base;
  const key = requestKey(base);
  const baseEntry = dit.byDn.get(key);
  if (!baseEntry) throw noSuchObject(dit.closestExisting(key));
  const filter = compileFilter(req.filter, dit.baseDn);
  const pool = candidatePool(dit, baseEntry, req.scope, filter);
  const inScope = scopeTest(baseEntry, req.scope);
  const references = partitionReferences(dit, baseEntry, req.scope);
  if (req.paged) {
    const found = matching(dit, pool, inScope, filter);
    const first = page(dit, session, req, { rest: found, attributes: req.attributes });
    const referenceMessages = references.map((op) => wrapMessage(req.messageId, op));
    return { ...first, bytes: [...referenceMessages, ...[first.bytes].flat()] };
  }
  const limit = req.sizeLimit > 0 ? Math.min(req.sizeLimit, MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  const ops: Buffer[] = [];
  let size = 0;
  let code: number = CODE.success;
  // A plain loop, not the paged path's generator: most searches answer one entry or a few.
  for (const stored of pool) {
    if (!inScope(stored) || !matches(filter, stored, dit)) continue;
    if (ops.length === limit) {
      code = CODE.sizeLimitExceeded;
      break;
    }
    const op = encodeEntryOp(dit, stored, req.attributes);
    ops.push(op);
    size += op.length;
  }
  const done = code === CODE.sizeLimitExceeded ? DONE_SIZE_LIMIT : DONE_SUCCESS;
  const entries = ops.length;
  // A small answer is built in one buffer (one allocation, one write); a large one is written corked.
  if (size <= ONE_BUFFER_BYTES)
    return { bytes: searchAnswer(req.messageId, ops, references, done), code, entries };
  const messages = [...ops, ...references, done].map((op) => wrapMessage(req.messageId, op));
  return { bytes: messages, code, entries };
}

/** The SearchResultDone protocolOps of a search without paging, encoded once. */
const DONE_SUCCESS = resultOp(RESPONSE.search, CODE.success);
const DONE_SIZE_LIMIT = resultOp(RESPONSE.search, CODE.sizeLimitExceeded, 'Size limit exceeded');

/** Answers whose entries take up to this many bytes go out as one buffer. */
const ONE_BUFFER_BYTES = 64 * 1024;

/** The entries a search looks at: the base, its children, or the indexes' candidates (else every entry). */
function candidatePool(dit: Dit, base: StoredEntry, scope: SearchRequest['scope'], filter: Filter) {
  if (scope === 'base') return [base];
  if (scope === 'one') return dit.children.get(base.key) ?? [];
  return candidates(dit, filter)?.items ?? dit.all();
}

function* matching(
  dit: Dit,
  pool: Iterable<StoredEntry>,
  inScope: (e: StoredEntry) => boolean,
  filter: Filter,
) {
  for (const stored of pool) if (inScope(stored) && matches(filter, stored, dit)) yield stored;
}

function scopeTest(base: StoredEntry, scope: SearchRequest['scope']): (e: StoredEntry) => boolean {
  const last = lastScope;
  if (last && last.base === base && last.key === base.key && last.scope === scope) return last.test;
  let test: (e: StoredEntry) => boolean;
  if (scope === 'base') test = (e) => e === base;
  else if (scope === 'one') test = (e) => e.parent === base.key;
  else {
    // A comma in a DN key always separates RDNs, so a key suffix is a subtree.
    const suffix = `,${base.key}`;
    test = (e) => e === base || e.key.endsWith(suffix);
  }
  lastScope = { base, key: base.key, scope, test };
  return test;
}

/** The last scope's test: clients search under the same base again and again. */
let lastScope:
  | { base: StoredEntry; key: string; scope: string; test: (e: StoredEntry) => boolean }
  | undefined;

function nextPage(dit: Dit, session: Session, req: SearchRequest): SearchAnswer {
  const key = req.paged!.cookie.toString('utf8');
  const cursor = session.cursors.get(key);
  if (!cursor) throw new LdapError(CODE.unwillingToPerform, `the paged results cookie is unknown or expired`);
  session.cursors.delete(key);
  if (req.paged!.size === 0) {
    cursor.rest.return?.(undefined);
    const done = result(req.messageId, RESPONSE.search, CODE.success, '', '', [
      pagedControl(Buffer.alloc(0)),
    ]);
    return { bytes: done, code: CODE.success, entries: 0 };
  }
  return page(dit, session, req, cursor);
}

function page(
  dit: Dit,
  session: Session,
  req: SearchRequest,
  cursor: { rest: Iterator<StoredEntry>; lookahead?: StoredEntry; attributes: readonly string[] },
): SearchAnswer {
  const size = Math.min(req.paged!.size || MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const parts: Buffer[] = [];
  let next = cursor.lookahead ?? cursor.rest.next().value;
  while (next && parts.length < size) {
    parts.push(encodeEntry(dit, next, req.messageId, cursor.attributes));
    next = cursor.rest.next().value;
  }
  const cookie = next
    ? Buffer.from(session.storeCursor({ rest: cursor.rest, lookahead: next, attributes: cursor.attributes }))
    : Buffer.alloc(0);
  const entries = parts.length;
  parts.push(result(req.messageId, RESPONSE.search, CODE.success, '', '', [pagedControl(cookie)]));
  return { bytes: parts, code: CODE.success, entries };
}

function pagedControl(cookie: Buffer): Control {
  return { oid: PAGED_RESULTS_OID, value: pagedValue(0, cookie) };
}
