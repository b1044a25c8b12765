import type { AutodiscoverRecords } from '../clients/exchange/autodiscover';
import { dirSyncPages } from '../clients/ldap/dirsync';
import type { DirectoryEntry } from '../tenant/entry';
import { DIRECTORY_PASSWORD, type SeededDirectory } from './directory';
import type { StartedService } from './service-set';

/** Exchange Online seeded with what DirSync exported: the service, the export's users, and its Autodiscover. */
export interface SeededCloud {
  exchange: StartedService;
  /**
   * The users DirSync exported from the online forest (read over LDAP from its mock DC): the mailboxes
   * and licensed Lync Online users a client signs in as. The exported contacts went to Exchange only.
   */
  users: DirectoryEntry[];
  /** The password every account signs in to Exchange Online with (the forest's, as after password sync). */
  password: string;
  /** A fresh copy of the Autodiscover records: every domain of the export points at Exchange Online. */
  records(): AutodiscoverRecords;
}

/**
 * The cloud directory (Office 365 / Exchange Online) as DirSync leaves it: DirSync reads the online
 * forest's mock DC over LDAP and exports the eligible users and contacts (GAL-05), which are loaded
 * into the Exchange mock a page at a time, as they are read.
 */
export async function seedCloud(
  exchange: StartedService,
  online: SeededDirectory,
  /** Called once DirSync has read the whole forest (its connection closed), while Exchange takes the rest in. */
  read: () => Promise<void> = async () => {},
): Promise<SeededCloud> {
  const users: DirectoryEntry[] = [];
  const domains = new Set<string>();
  const keep = (entry: DirectoryEntry) => {
    if (entry.isA('user')) users.push(entry);
    for (const address of [entry.first('mail'), entry.first('msRTCSIP-PrimaryUserAddress')])
      if (address?.includes('@')) domains.add(address.split('@')[1].toLowerCase());
  };
  await exchange.admin.loadData(exportChunks(dirSyncPages(online.admin), keep, read), 'application/json');
  return {
    exchange,
    users,
    password: DIRECTORY_PASSWORD,
    records: () => Object.fromEntries([...domains].map((d) => [d, exchange.urls.autodiscover])),
  };
}

/**
 * The load's JSON in pieces of about a megabyte, made as DirSync's pages arrive (neither the export's
 * text nor its entries are ever whole); `keep` sees each exported entry once.
 */
async function* exportChunks(
  pages: AsyncIterable<{ exported: DirectoryEntry[] }>,
  keep: (entry: DirectoryEntry) => void,
  read: () => Promise<void>,
): AsyncGenerator<string> {
  let chunk = '{"entries":[';
  let first = true;
  for await (const { exported } of pages)
    for (const entry of exported) {
      keep(entry);
      chunk += `${first ? '' : ','}${JSON.stringify(entry.toJSON())}`;
      first = false;
      if (chunk.length >= 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
  await read();
  yield `${chunk}],"password":${JSON.stringify(DIRECTORY_PASSWORD)}}`;
}
