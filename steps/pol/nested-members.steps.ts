import { Then, When } from '@cucumber/cucumber';
import { escapeFilterValue, pagedSearch, withLdap } from '../../src/clients/ldap/ldap-client';
import { directoryOf, nestedOnlyMembers } from '../../src/model/pol';
import { dnKey } from '../../src/tenant/dn';
import type { Finding } from '../support/findings';
import type { HarnessWorld } from '../support/world';

const store = (w: HarnessWorld) => w.area<{ findings: Finding[] }>('pol-nested', () => ({ findings: [] }));

/**
 * POL-04 over the tenant: for every group that holds another group, the users that reach it only
 * through nesting. The model walks the tenant data; the directory answers the in-chain query
 * (1.2.840.113556.1.4.1941) minus the direct memberOf query.
 */
When(
  'every group of the tenant is checked for members reached only through nested groups',
  async function (this: HarnessWorld) {
    const findings = store(this).findings;
    const disagreements: string[] = [];
    for (const forest of this.tenant.forests) {
      const directory = directoryOf(forest.entries);
      const nesting = forest.entries.filter(
        (g) => g.isA('group') && g.texts('member').some((m) => directory.get(dnKey(m))?.isA('group')),
      );
      const dc = await this.tenantSpace.directory(forest.role);
      for (const group of nesting) {
        const model = nestedOnlyMembers(group, directory).value;
        const dn = escapeFilterValue(group.dn);
        const users = '(&(objectCategory=person)(objectClass=user))';
        const wire = await withLdap(dc.admin, async (c) => {
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
          return chain
            .map((e) => e.dn)
            .filter((d) => !direct.has(dnKey(d)))
            .sort();
        });
        if (JSON.stringify(model.map(dnKey).sort()) !== JSON.stringify(wire.map(dnKey).sort()))
          disagreements.push(`${group.dn}: model ${model.length}, ldap ${wire.length}`);
        for (const user of model)
          findings.push({
            rule: 'POL-04',
            dn: user,
            forest: forest.domain,
            outcome: 'finding',
            severity: 'warning',
            message: `reaches ${group.first('cn')} only through a nested group: a task that reads member grants it nothing`,
            witnesses: wire.some((w) => dnKey(w) === dnKey(user)) ? ['model', 'ldap'] : ['model'],
          });
      }
    }
    await this.verifyNoDisagreements(
      'POL-04',
      'the directory and the tenant data agree on who is reached only through nesting',
      'ldap',
      disagreements,
    );
  },
);

Then('each user reached only through a nested group is reported', async function (this: HarnessWorld) {
  await this.reportFindings('POL-04', store(this).findings, store(this).findings.length);
});
