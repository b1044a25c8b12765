import { Client, type Entry } from 'ldapts';
import { BINARY_ATTRIBUTES } from './entry';

/** AD's MaxPageSize: a subtree read asks for pages of this many objects. */
export const PAGE_SIZE = 1000;

/** Binary attributes as AD spells them; ldapts matches explicitBufferAttributes by exact spelling. */
const BINARY_SPELLINGS = [
  'objectGUID',
  'objectSid',
  'jpegPhoto',
  'thumbnailPhoto',
  'userCertificate',
  'cACertificate',
  'msExchMailboxGuid',
  'msExchMasterAccountSid',
  'msDS-GenerationId',
  'nTSecurityDescriptor',
];
const BUFFER_ATTRIBUTES = [...BINARY_SPELLINGS, ...BINARY_ATTRIBUTES];

export interface ReadOnlySearch {
  /** `sub`: every page of a paged subtree search; `base`: the one object, without paging. */
  scope: 'base' | 'sub';
  attributes: string[];
  filter?: string;
}

/**
 * All a live-directory reader can do with the source directory: bind, search, unbind. The ldapts
 * client is held in a closure, so nothing that adds, modifies, deletes or renames is reachable.
 */
export interface ReadOnlyLdap {
  bind(name: string, password: string): Promise<void>;
  /** Yields the answer page by page (one page for a base-scope search). */
  search(base: string, options: ReadOnlySearch): AsyncGenerator<Entry[]>;
  unbind(): Promise<void>;
}

/** Opens a read-only view of the directory at an `ldap://` or `ldaps://` URL (connects on first use). */
export function openReadOnlyLdap(url: string): ReadOnlyLdap {
  const client = new Client({ url, timeout: 120_000, connectTimeout: 10_000 });
  async function* search(base: string, options: ReadOnlySearch): AsyncGenerator<Entry[]> {
    const request = {
      scope: options.scope,
      filter: options.filter ?? '(objectClass=*)',
      attributes: options.attributes,
      explicitBufferAttributes: BUFFER_ATTRIBUTES,
    };
    if (options.scope === 'base') {
      yield (await client.search(base, request)).searchEntries;
      return;
    }
    for await (const page of client.searchPaginated(base, { ...request, paged: { pageSize: PAGE_SIZE } }))
      yield page.searchEntries;
  }
  return Object.freeze({
    bind: (name: string, password: string) => client.bind(name, password),
    search,
    unbind: () => client.unbind(),
  });
}
