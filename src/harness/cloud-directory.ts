import type { AutodiscoverRecords } from '../clients/exchange/autodiscover';
import { runDirSync } from '../clients/ldap/dirsync';
import type { DirectoryEntry } from '../tenant/entry';
import { DIRECTORY_PASSWORD, type SeededDirectory } from './directory';
import type { StartedService } from './service-set';

/** Exchange Online seeded with what DirSync exported: the service, the export, and its Autodiscover. */
export interface SeededCloud {
  exchange: StartedService;
  /** What DirSync exported from the online forest (read over LDAP from its mock DC). */
  exported: DirectoryEntry[];
  /** The password every account signs in to Exchange Online with (the forest's, as after password sync). */
  password: string;
  /** A fresh copy of the Autodiscover records: every domain of the export points at Exchange Online. */
  records(): AutodiscoverRecords;
}

/**
 * The cloud directory (Office 365 / Exchange Online) as DirSync leaves it: DirSync reads the online
 * forest's mock DC over LDAP and exports the eligible users and contacts (GAL-05), which are loaded
 * into the Exchange mock.
 */
export async function seedCloud(exchange: StartedService, online: SeededDirectory): Promise<SeededCloud> {
  const { exported } = await runDirSync(online.admin);
  await exchange.admin.loadData(exportChunks(exported), 'application/json');
  const domains = mailDomains(exported);
  return {
    exchange,
    exported,
    password: DIRECTORY_PASSWORD,
    records: () => Object.fromEntries(domains.map((d) => [d, exchange.urls.autodiscover])),
  };
}

/** The load's JSON in pieces of about a megabyte, made as they are sent (the export's text is never whole). */
function* exportChunks(exported: DirectoryEntry[]): Generator<string> {
  let chunk = '{"entries":[';
  for (const [i, entry] of exported.entries()) {
    chunk += `${i ? ',' : ''}${JSON.stringify(entry.toJSON())}`;
    if (chunk.length >= 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}],"password":${JSON.stringify(DIRECTORY_PASSWORD)}}`;
}

function mailDomains(entries: DirectoryEntry[]): string[] {
  const all = entries.flatMap((e) => [e.first('mail'), e.first('msRTCSIP-PrimaryUserAddress')]);
  const domains = all.filter((a): a is string => !!a?.includes('@')).map((a) => a.split('@')[1]);
  return [...new Set(domains.map((d) => d.toLowerCase()))];
}
