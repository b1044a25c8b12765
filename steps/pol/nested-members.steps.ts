import { Then, When } from '@cucumber/cucumber';
import { escapeFilterValue, pagedSearch, withLdap } from '../../src/clients/ldap/ldap-client';
import { directoryOf, nestedOnlyMembers } from '../../src/model/pol';
import { dnKey } from '../../src/tenant/dn';
import type { DirectoryEntry } from '../../src/tenant/entry';
import { TENANT_STEP_TIMEOUT_MS } from '../support/tenant-check';
import type { HarnessWorld } from '../support/world';

/**
 * POL-04 over the tenant: for every group that holds another group, the users that reach it only
 * through nesting. The model walks the tenant data; the directory answers the in-chain query
 * (1.2.840.113556.1.4.1941) minus the direct memberOf query.
 */
When(
  'every group of the tenant is checked for members reached only through nested groups',
  { timeout: TENANT_STEP_TIMEOUT_MS },
  async function (this: HarnessWorld) {
    for (const forest of this.tenant.forests) {
      const directory = directoryOf(forest.entries);
      const nesting = forest.entries.filter(
        (g) => g.isA('group') && g.texts('member').some((m) => directory.get(dnKey(m))?.isA('group')),
      );
      const dcs = await this.tenantSpace.directories(forest.role);
      const users = '(&(objectCategory=person)(objectClass=user))';
      await this.checkTenant<DirectoryEntry, string[]>({
        rule: 'POL-04',
        claim: 'the directory and the tenant data agree on who is reached only through nesting',
        objects: nesting.map((g) => ({ dn: g.dn, forest: forest.domain, item: g })),
        decide: (group) => nestedOnlyMembers(group, directory),
        finding: (v, { item }) =>
          v.value.map((user) => ({
            dn: user,
            holds: false,
            severity: 'warning',
            message: `reaches ${item.first('cn')} only through a nested group: a task that reads member grants it nothing`,
          })),
        wire: dcs.map(({ witness, dc }) => ({
          witness,
          observe: ({ item }: { item: DirectoryEntry }) =>
            withLdap(dc.admin, async (c) => {
              const dn = escapeFilterValue(item.dn);
              const chain = await pagedSearch(
                c,
                forest.baseDn,
                `(&${users}(memberOf:1.2.840.113556.1.4.1941:=${dn}))`,
                ['1.1'],
              );
              const direct = new Set(
                (await pagedSearch(c, forest.baseDn, `(&${users}(memberOf=${dn}))`, ['1.1'])).map((e) =>
                  dnKey(e.dn),
                ),
              );
              // In the tenant data's spelling of each DN, as the model names them.
              return chain
                .filter((e) => !direct.has(dnKey(e.dn)))
                .map((e) => directory.get(dnKey(e.dn))?.dn ?? e.dn)
                .sort();
            }),
        })),
      });
    }
  },
);

Then('each user reached only through a nested group is reported', async function (this: HarnessWorld) {
  await this.reportTenantCheck('POL-04');
});
