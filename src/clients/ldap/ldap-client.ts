import { Client, type Entry } from 'ldapts';
import { type AttributeValue, BINARY_ATTRIBUTES, DirectoryEntry } from '../../tenant/entry';

/** Where a client simulator binds: an LDAP URL, an account and the naming context to read. */
export interface LdapSource {
  url: string;
  bindDn: string;
  password: string;
  baseDn: string;
}

const BINARY = ['objectGUID', 'objectSid', 'thumbnailPhoto', 'jpegPhoto', 'userCertificate'];

/** Opens a connection and binds (simple bind: a DN, a UPN or DOMAIN\user, as AD accepts). */
export async function openLdap(source: Pick<LdapSource, 'url' | 'bindDn' | 'password'>): Promise<Client> {
  const client = new Client({ url: source.url, timeout: 30_000, connectTimeout: 5_000 });
  try {
    await client.bind(source.bindDn, source.password);
  } catch (error) {
    await client.unbind().catch(() => {});
    throw error;
  }
  return client;
}

/** Runs `work` on a bound connection and always unbinds. */
export async function withLdap<T>(
  source: Pick<LdapSource, 'url' | 'bindDn' | 'password'>,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = await openLdap(source);
  try {
    return await work(client);
  } finally {
    await client.unbind().catch(() => {});
  }
}

/**
 * A subtree search with the paged results control (pages of 1,000, AD's MaxPageSize), every page read;
 * each page becomes directory entries before the next is asked for, so a whole forest is never held twice.
 */
export async function pagedSearch(
  client: Client,
  baseDn: string,
  filter: string,
  attributes: string[] = [],
): Promise<DirectoryEntry[]> {
  const entries: DirectoryEntry[] = [];
  for await (const page of searchPages(client, baseDn, filter, attributes)) entries.push(...page);
  return entries;
}

/** The same search a page at a time: the next page is asked for when the caller is done with this one. */
export async function* searchPages(
  client: Client,
  baseDn: string,
  filter: string,
  attributes: string[] = [],
): AsyncGenerator<DirectoryEntry[]> {
  const pages = client.searchPaginated(baseDn, {
    scope: 'sub',
    filter,
    attributes,
    paged: { pageSize: 1000 },
    explicitBufferAttributes: BINARY,
  });
  for await (const page of pages) yield page.searchEntries.map(toDirectoryEntry);
}

/** Reads one object by DN (base scope); undefined when it does not exist or `filter` does not match it. */
export async function readEntry(
  client: Client,
  dn: string,
  attributes: string[] = [],
  filter = '(objectClass=*)',
): Promise<DirectoryEntry | undefined> {
  try {
    const { searchEntries } = await client.search(dn, {
      scope: 'base',
      filter,
      attributes,
      explicitBufferAttributes: BINARY,
    });
    return searchEntries[0] && toDirectoryEntry(searchEntries[0]);
  } catch (error) {
    if ((error as { code?: number }).code === 32) return undefined;
    throw error;
  }
}

/** ldapts's plain entry as a DirectoryEntry (binary attributes as bytes, everything else as text). */
export function toDirectoryEntry(entry: Entry): DirectoryEntry {
  // Built in one go: the entry's shape is looked up once, not once per attribute added.
  const attributes: Record<string, AttributeValue[]> = {};
  for (const [name, raw] of Object.entries(entry)) {
    if (name === 'dn') continue;
    const values = Array.isArray(raw) ? raw : [raw];
    const binary = BINARY_ATTRIBUTES.has(name.toLowerCase());
    attributes[name] = values.map((v): AttributeValue => {
      if (typeof v === 'string') return v;
      return binary ? new Uint8Array(v) : Buffer.from(v).toString('utf8');
    });
  }
  return new DirectoryEntry(entry.dn, attributes);
}

/** Escapes a value for an LDAP filter (RFC 4515). */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
