import type { LdapSource } from '../clients/ldap/ldap-client';
import { type DirectoryServerRecord, recordDirectoryServer } from '../run/directory-servers';
import type { DirectoryKind } from '../run/run-config';
import { ldifChunks } from '../tenant/ldif-writer';
import type { Forest, ForestRole } from '../tenant/tenant';
import { DirectoryAdmin } from './service-admin';
import type { StartedService } from './service-set';

/** The LDAP service that plays each forest's domain controller. */
export const DIRECTORY_SERVICE: Record<ForestRole, string> = {
  onpremises: 'ldap-onpremises',
  online: 'ldap-online',
};

export type { DirectoryKind };

/** The service kind of a forest's domain controller. */
export function directoryService(role: ForestRole, kind: DirectoryKind = 'mock'): string {
  return kind === 'samba' ? `samba-${role}` : DIRECTORY_SERVICE[role];
}

/** The mock DC's built-in administrator password (set on seeding; every account of the data shares it). */
export const DIRECTORY_PASSWORD = 'Passw0rd!';

export interface SeededDirectory {
  service: StartedService;
  forest: Forest;
  /** Bind as the forest's Administrator and read from its naming context. */
  admin: LdapSource;
  /** A bind for any account of the data: by DN, UPN or DOMAIN\user, with the shared password. */
  as(account: string): LdapSource;
}

/** Loads a forest into a mock DC over its admin API, with the one password every account shares. */
export async function seedDirectory(service: StartedService, forest: Forest): Promise<SeededDirectory> {
  await new DirectoryAdmin(service.admin).setPasswords({ default: DIRECTORY_PASSWORD });
  const loaded = (await service.admin.loadData(ldifChunks(forest.entries), 'text/ldif')) as {
    server?: DirectoryServerRecord;
  };
  // The harness's name of the service tells a tenant's DC from the rule examples' (`tenant/samba-online`).
  if (loaded?.server) recordDirectoryServer({ ...loaded.server, service: service.name });
  const as = (account: string): LdapSource => ({
    url: service.urls.ldap,
    bindDn: account,
    password: DIRECTORY_PASSWORD,
    baseDn: forest.baseDn,
  });
  return { service, forest, admin: as(`CN=Administrator,CN=Users,${forest.baseDn}`), as };
}
