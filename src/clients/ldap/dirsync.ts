import type { DirectoryEntry } from '../../tenant/entry';
import { type LdapSource, openLdap, searchPages } from './ldap-client';

export interface DirSyncResult {
  /** What DirSync exports to the cloud directory (Office 365 / Exchange Online). */
  exported: DirectoryEntry[];
  /** What it left behind, and why in words. */
  skipped: Array<{ dn: string; reason: string }>;
}

/** Users (not computers) and contacts: what DirSync reads from the on-premises forest. */
const SCOPE = '(|(objectClass=contact)(&(objectCategory=person)(objectClass=user)))';

/**
 * DirSync (Azure Active Directory Synchronization) as a client: reads the online forest's users and
 * contacts over LDAP, page by page, and exports the mail-enabled ones. A contact leaves only when it
 * carries both `mailNickname` and `targetAddress`; a user when it has a mail address.
 */
export async function runDirSync(source: LdapSource): Promise<DirSyncResult> {
  const result: DirSyncResult = { exported: [], skipped: [] };
  for await (const page of dirSyncPages(source)) {
    result.exported.push(...page.exported);
    result.skipped.push(...page.skipped);
  }
  return result;
}

/** DirSync's run a page of the forest at a time (to export as it reads, holding one page). */
export async function* dirSyncPages(source: LdapSource): AsyncGenerator<DirSyncResult> {
  const client = await openLdap(source);
  try {
    for await (const entries of searchPages(client, source.baseDn, SCOPE, ['*'])) {
      const page: DirSyncResult = { exported: [], skipped: [] };
      for (const entry of entries) {
        const reason = whyNotExported(entry);
        if (reason) page.skipped.push({ dn: entry.dn, reason });
        else page.exported.push(entry);
      }
      yield page;
    }
  } finally {
    await client.unbind().catch(() => {});
  }
}

function whyNotExported(entry: DirectoryEntry): string | undefined {
  const filled = (name: string) => (entry.first(name) ?? '').trim() !== '';
  if (entry.isA('contact')) {
    const missing = ['mailNickname', 'targetAddress'].filter((a) => !filled(a));
    return missing.length ? `contact without ${missing.join(' and ')}` : undefined;
  }
  return filled('mail') ? undefined : 'user without a mail address';
}
