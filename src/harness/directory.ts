import type { LdapSource } from '../clients/ldap/ldap-client';
import { writeLdif } from '../tenant/ldif-writer';
import { type Forest, type ForestRole, forestByRole, type Tenant } from '../tenant/tenant';
import type { ServiceSet, StartedService } from './service-set';

/** The LDAP service that plays each forest's domain controller. */
export const DIRECTORY_SERVICE: Record<ForestRole, string> = {
  onpremises: 'ldap-onpremises',
  online: 'ldap-online',
};

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

const seeded = new Map<string, Promise<SeededDirectory>>();

/**
 * Starts the forest's mock DC and loads the tenant's forest into it over the admin API, once per
 * worker process: every later scenario gets it back through reset, which undoes that scenario's writes.
 */
export function seededDirectory(
  world: { services: ServiceSet; tenant: Tenant },
  role: ForestRole,
): Promise<SeededDirectory> {
  const name = DIRECTORY_SERVICE[role];
  let pending = seeded.get(name);
  if (!pending) {
    pending = seed(world.services, forestByRole(world.tenant, role), name);
    seeded.set(name, pending);
    pending.catch(() => seeded.delete(name));
  }
  return pending;
}

async function seed(services: ServiceSet, forest: Forest, name: string): Promise<SeededDirectory> {
  const service = await services.get(name);
  await service.admin.call('PUT', '/__admin/passwords', { default: DIRECTORY_PASSWORD });
  await service.admin.loadData(writeLdif(forest.entries), 'text/ldif');
  const as = (account: string): LdapSource => ({
    url: service.urls.ldap,
    bindDn: account,
    password: DIRECTORY_PASSWORD,
    baseDn: forest.baseDn,
  });
  return { service, forest, admin: as(`CN=Administrator,CN=Users,${forest.baseDn}`), as };
}
