import type { Entry } from 'ldapts';
import { type AttributeValue, BINARY_ATTRIBUTES, DirectoryEntry } from './entry';
import { explainLiveError, LiveDirectoryError } from './live-directory-errors';
import { openReadOnlyLdap, type ReadOnlyLdap } from './read-only-ldap';

export { LiveDirectoryError };

/** A directory to read live: its URL, the account to bind as (none: anonymous) and where to start. */
export interface LiveSource {
  url: string;
  bindDn?: string;
  password?: string;
  /** Default: the rootDSE's defaultNamingContext, else the first of its namingContexts. */
  baseDn?: string;
}

export interface LiveDirectory {
  baseDn: string;
  entries: DirectoryEntry[];
}

/** `member;range=0-1499`: one slice of a multi-valued attribute too big for one answer (AD's MaxValRange). */
const RANGED = /^(.+?);range=(\d+)-(\d+|\*)$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

interface PendingRange {
  entry: DirectoryEntry;
  attribute: string;
  next: number;
}

/**
 * Reads every object under the base DN with all its user attributes (paged subtree search), then
 * fetches the rest of each ranged attribute. Only binds and searches: see ReadOnlyLdap.
 */
export async function readLiveDirectory(source: LiveSource): Promise<LiveDirectory> {
  const ldap = openReadOnlyLdap(source.url);
  const step = { name: 'connect' };
  try {
    if (source.bindDn) {
      // A DN with an empty password is an unauthenticated bind, which servers treat as anonymous.
      if (!source.password)
        throw new LiveDirectoryError(`[tenant:ldap] no password for the bind DN "${source.bindDn}"`);
      step.name = 'bind';
      await ldap.bind(source.bindDn, source.password);
    }
    step.name = 'rootDSE';
    const baseDn = source.baseDn ?? (await namingContext(ldap, source.url));
    step.name = 'read';
    const pending: PendingRange[] = [];
    const entries: DirectoryEntry[] = [];
    for await (const page of ldap.search(baseDn, { scope: 'sub', attributes: ['*'] }))
      for (const raw of page) entries.push(toEntry(raw, pending));
    step.name = 'ranged read';
    for (const range of pending) await completeRange(ldap, range);
    return { baseDn, entries };
  } catch (error) {
    throw explainLiveError(error, source, step.name);
  } finally {
    await ldap.unbind().catch(() => {});
  }
}

async function namingContext(ldap: ReadOnlyLdap, url: string): Promise<string> {
  const attributes = ['defaultNamingContext', 'namingContexts'];
  let rootDse: Entry | undefined;
  for await (const page of ldap.search('', { scope: 'base', attributes })) rootDse ??= page[0];
  const found = rootDse && valuesOf(rootDse, 'defaultNamingContext')[0];
  const base = found || (rootDse && valuesOf(rootDse, 'namingContexts')[0]);
  if (typeof base === 'string' && base) return base;
  throw new LiveDirectoryError(
    `[tenant:ldap] the rootDSE of ${url} names no naming context (neither defaultNamingContext nor ` +
      `namingContexts): give the base DN in the URL, e.g. ${url}/DC=abc,DC=corp`,
  );
}

/** Follows `attr;range=low-high` answers with base-scope reads of `attr;range=high+1-*` until `*`. */
async function completeRange(ldap: ReadOnlyLdap, range: PendingRange): Promise<void> {
  let next: number | undefined = range.next;
  while (next !== undefined) {
    const asked = `${range.attribute};range=${next}-*`;
    let slice: { values: AttributeValue[]; end: string } | undefined;
    for await (const page of ldap.search(range.entry.dn, { scope: 'base', attributes: [asked] }))
      slice ??= page[0] && rangedSlice(page[0], range.attribute);
    if (!slice)
      throw new LiveDirectoryError(
        `[tenant:ldap] ${range.entry.dn}: the server gave no values for ${asked} although the previous ` +
          'range did not end in *; the attribute changed during the read: run again',
      );
    range.entry.set(range.attribute, [...range.entry.get(range.attribute), ...slice.values]);
    next = slice.end === '*' ? undefined : Number(slice.end) + 1;
  }
}

function rangedSlice(raw: Entry, attribute: string): { values: AttributeValue[]; end: string } | undefined {
  for (const name of Object.keys(raw)) {
    const match = RANGED.exec(name);
    if (match && match[1].toLowerCase() === attribute.toLowerCase())
      return { values: valuesOf(raw, name).map((v) => toValue(isBinary(attribute), v)), end: match[3] };
  }
  return undefined;
}

/** ldapts's plain entry as a DirectoryEntry; ranged attributes are stored under their plain name. */
function toEntry(raw: Entry, pending: PendingRange[]): DirectoryEntry {
  const entry = new DirectoryEntry(raw.dn);
  for (const name of Object.keys(raw)) {
    if (name === 'dn') continue;
    const range = name.includes(';') ? RANGED.exec(name) : null;
    const attribute = range ? range[1] : name;
    const binary = isBinary(attribute);
    const values = valuesOf(raw, name).map((v) => toValue(binary, v));
    if (values.length === 0) continue;
    entry.set(attribute, range ? [...entry.get(attribute), ...values] : values);
    if (range && range[3] !== '*') pending.push({ entry, attribute, next: Number(range[3]) + 1 });
  }
  return entry;
}

function valuesOf(raw: Entry, name: string): (string | Buffer)[] {
  const value = raw[name];
  return Array.isArray(value) ? value : [value];
}

const isBinary = (attribute: string) => BINARY_ATTRIBUTES.has(attribute.toLowerCase());

/** Binary attributes as bytes; other values as text, or as bytes when they are not UTF-8. */
function toValue(binary: boolean, value: string | Buffer): AttributeValue {
  if (typeof value === 'string') return binary ? new Uint8Array(Buffer.from(value, 'utf8')) : value;
  if (binary) return new Uint8Array(value);
  try {
    return utf8.decode(value);
  } catch {
    return new Uint8Array(value);
  }
}
