import { When } from '@cucumber/cucumber';
import { pagedSearch, withLdap } from '../../src/clients/ldap/ldap-client';
import { projectContact } from '../../src/model/gal';
import { dnKey as key } from '../../src/tenant/dn';
import type { Forest } from '../../src/tenant/tenant';
import type { Finding } from '../support/findings';
import type { HarnessWorld } from '../support/world';
import { namedFlow } from './gal-context';

const findingsOf = (w: HarnessWorld) =>
  w.area<{ rule?: string; list: Finding[] }>('gal-tenant', () => ({ list: [] }));

/**
 * GAL-01 over the tenant: every mail-enabled user of each forest should have its contact in the other
 * forest (where the configured flow puts it). The model looks in the tenant data; the LDAP witness asks
 * the other forest's mock DC for its contacts.
 */
When(
  'every user of the tenant is looked up as a contact in the other forest',
  async function (this: HarnessWorld) {
    const store = findingsOf(this);
    store.rule = 'GAL-01';
    const forests = this.tenant.forests;
    if (forests.length < 2) return;
    const flow = namedFlow(this, 'configured');
    const disagreements: string[] = [];
    for (const home of forests) {
      const other = forests.find((f) => f !== home) as Forest;
      const inData = new Set(other.entries.filter((e) => e.isA('contact')).map((e) => key(e.dn)));
      const dc = await this.tenantSpace.directory(other.role);
      const onWire = new Set(
        (await withLdap(dc.admin, (c) => pagedSearch(c, other.baseDn, '(objectClass=contact)', ['1.1']))).map(
          (e) => key(e.dn),
        ),
      );
      for (const user of home.entries.filter((e) => e.isA('user') && !e.isA('computer') && e.has('mail'))) {
        const projection = projectContact(user, flow, other.baseDn).value;
        if (projection.outcome === 'rejected') continue;
        const model = inData.has(key(projection.dn));
        const wire = onWire.has(key(projection.dn));
        if (model !== wire) disagreements.push(`${projection.dn}: model ${model}, ldap ${wire}`);
        store.list.push({
          rule: 'GAL-01',
          dn: user.dn,
          forest: home.domain,
          outcome: model ? 'holds' : 'finding',
          ...(model ? {} : { severity: 'warning' as const }),
          message: model
            ? `contact ${projection.dn} exists`
            : `no contact at ${projection.dn} in ${other.domain}`,
          witnesses: model === wire ? ['model', 'ldap'] : ['model'],
        });
      }
    }
    await this.verifyNoDisagreements(
      'GAL-01',
      "the other forest's directory holds the same contacts as the tenant data",
      'ldap',
      disagreements,
    );
  },
);
