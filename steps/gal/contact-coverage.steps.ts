import { When } from '@cucumber/cucumber';
import { readEntry, withLdap } from '../../src/clients/ldap/ldap-client';
import { projectContact } from '../../src/model/gal';
import { contactInOtherForest } from '../../src/model/gal-tenant';
import { dnKey as key } from '../../src/tenant/dn';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { Forest } from '../../src/tenant/tenant';
import { TENANT_STEP_TIMEOUT_MS } from '../support/tenant-check';
import type { HarnessWorld } from '../support/world';
import { namedFlow } from './gal-context';
import { galRule } from './tenant-check';

/**
 * GAL-01 over the tenant: every mail-enabled user of each forest should have its contact in the other
 * forest (where the configured flow puts it). The model looks in the tenant data; each LDAP witness asks
 * the other forest's DC (the mock DC; Samba's too with --ldap samba), for each sampled user, whether
 * that contact is there.
 */
When(
  'every user of the tenant is looked up as a contact in the other forest',
  { timeout: TENANT_STEP_TIMEOUT_MS },
  async function (this: HarnessWorld) {
    galRule(this).rule = 'GAL-01';
    const forests = this.tenant.forests;
    if (forests.length < 2) return;
    const flow = namedFlow(this, 'configured');
    for (const home of forests) {
      const other = forests.find((f) => f !== home) as Forest;
      const inData = new Set(other.entries.filter((e) => e.isA('contact')).map((e) => key(e.dn)));
      const dcs = await this.tenantSpace.directories(other.role);
      const users = home.entries.filter((e) => e.isA('user') && !e.isA('computer') && e.has('mail'));
      await this.checkTenant<DirectoryEntry, boolean | null>({
        rule: 'GAL-01',
        claim: "the other forest's directory holds the same contacts as the tenant data",
        objects: users.map((u) => ({ dn: u.dn, forest: home.domain, item: u })),
        decide: (u) => contactInOtherForest(u, flow, { ...other, contacts: inData }),
        finding: (v) =>
          v.value === null ? undefined : { holds: v.value, severity: 'warning', message: v.reason },
        wire: dcs.map(({ witness, dc }) => {
          const onWire = new Set<string>();
          return {
            witness,
            // Where the flow puts each sampled user's contact, asked of the other forest's DC by DN.
            prepare: (sampled: Array<{ item: DirectoryEntry }>) =>
              withLdap(dc.admin, async (c) => {
                for (const { item } of sampled) {
                  const projection = projectContact(item, flow, other.baseDn).value;
                  if (projection.outcome !== 'projected') continue;
                  const found = await readEntry(c, projection.dn, ['1.1'], '(objectClass=contact)');
                  if (found) onWire.add(key(found.dn));
                }
              }),
            observe: async ({ item }: { item: DirectoryEntry }) =>
              contactInOtherForest(item, flow, { ...other, contacts: onWire }).value,
            detail: { forest: other.domain },
          };
        }),
      });
    }
  },
);
