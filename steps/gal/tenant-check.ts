import { readEntry, withLdap } from '../../src/clients/ldap/ldap-client';
import type { DirectoryWitness } from '../../src/harness/data-space';
import type { Verdict } from '../../src/model/verdict';
import { dnKey } from '../../src/tenant/dn';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { ForestRole } from '../../src/tenant/tenant';
import type { FindingOutcome, TenantWire } from '../support/tenant-check';
import type { HarnessWorld } from '../support/world';

export interface GalTenantCheck<V> {
  rule: string;
  /** The forests the rule concerns (default: both). */
  roles?: ForestRole[];
  /** The LDAP filter that selects the objects the rule concerns (read from each forest's mock DC). */
  ldapFilter: string;
  /** The attributes the rule reads (objectClass is always read). */
  attributes: string[];
  /** The same selection on the loaded tenant. */
  select(entry: DirectoryEntry): boolean;
  /** The model's decision on one object (a src/model function). */
  decide(entry: DirectoryEntry): Verdict<V>;
  finding(verdict: Verdict<V>): FindingOutcome | undefined;
}

/** The GAL tenant checks share a Then step: the rule whose findings it reports. */
export const galRule = (w: HarnessWorld) => w.area<{ rule?: string }>('gal-tenant', () => ({}));

/**
 * Runs a rule over every object of the loaded tenant: the model decides each object from the tenant
 * data; each LDAP witness (the forest's mock DC, and Samba's AD DC beside it with --ldap samba) is the
 * same decision on what its DC returns for each sampled object, read by DN with the rule's filter (an
 * object the DC does not match is not seen).
 */
export async function checkExistingObjects<V>(world: HarnessWorld, check: GalTenantCheck<V>): Promise<void> {
  const forests = world.tenant.forests.filter((f) => !check.roles || check.roles.includes(f.role));
  const attributes = ['objectClass', ...check.attributes];
  const dcs = await Promise.all(forests.map((f) => world.tenantSpace.directories(f.role)));
  const wire = (witness: DirectoryWitness['witness'], at: number): TenantWire<DirectoryEntry, V> => {
    const seen = new Map<string, DirectoryEntry>();
    return {
      witness,
      prepare: async (sampled) => {
        for (const [f, forest] of forests.entries()) {
          const mine = sampled.filter((o) => o.forest === forest.domain);
          await withLdap(dcs[f][at].dc.admin, async (c) => {
            for (const { dn } of mine) {
              const entry = await readEntry(c, dn, attributes, check.ldapFilter);
              if (entry) seen.set(dnKey(dn), entry);
            }
          });
        }
      },
      observe: async ({ dn }) => {
        const entry = seen.get(dnKey(dn));
        return entry && check.decide(entry).value;
      },
      detail: { filter: check.ldapFilter },
    };
  };
  await world.checkTenant<DirectoryEntry, V>({
    rule: check.rule,
    claim: 'the directory returns each sampled object of the tenant with the same outcome as the tenant data',
    objects: forests.flatMap((f) =>
      f.entries.filter((e) => check.select(e)).map((e) => ({ dn: e.dn, forest: f.domain, item: e })),
    ),
    decide: check.decide,
    finding: check.finding,
    wire: (dcs[0] ?? [{ witness: 'ldap' as const }]).map((d, at) => wire(d.witness, at)),
  });
}
