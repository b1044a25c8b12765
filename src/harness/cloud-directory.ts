import { runDirSync } from '../clients/ldap/dirsync';
import type { DirectoryEntry } from '../tenant/entry';
import type { Tenant } from '../tenant/tenant';
import { seededDirectory } from './directory';
import type { ServiceSet } from './service-set';

let exported: Promise<DirectoryEntry[]> | undefined;

/**
 * The cloud directory (Office 365 / Exchange Online) as DirSync leaves it: the online forest's mock DC
 * is started and seeded, DirSync reads it over LDAP and exports the eligible users and contacts (GAL-05).
 * Computed once per worker process. Licensed Lync Online users are the exported users that carry an
 * msRTCSIP-PrimaryUserAddress.
 */
export function cloudDirectory(world: { services: ServiceSet; tenant: Tenant }): Promise<DirectoryEntry[]> {
  if (!exported) {
    exported = seededDirectory(world, 'online').then(async (dc) => (await runDirSync(dc.admin)).exported);
    exported.catch(() => {
      exported = undefined;
    });
  }
  return exported;
}
