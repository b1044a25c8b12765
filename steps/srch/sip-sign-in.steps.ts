import { Then, When } from '@cucumber/cucumber';
import { discoverPox } from '../../src/clients/exchange/autodiscover';
import { sipEqualsMail } from '../../src/model/srch-tenant';
import { forestByRole } from '../../src/tenant/tenant';
import { SEED_TIMEOUT_MS, tenantExchange } from '../exchange/exchange-context';
import type { HarnessWorld } from '../support/world';

When(
  'every licensed Lync Online user signs in to Exchange with their SIP address',
  { timeout: SEED_TIMEOUT_MS },
  async function (this: HarnessWorld) {
    if (!this.tenantSpace.hasForest('online')) return;
    const ctx = await tenantExchange(this).ready();
    const forest = forestByRole(this.tenant, 'online').domain;
    await this.checkTenant({
      rule: 'SRCH-06',
      claim:
        'Exchange takes the SIP address as sign-in exactly where the model says it equals the mail address',
      objects: ctx.licensedUsers().map((user) => ({ dn: user.dn, forest, item: user })),
      decide: sipEqualsMail,
      finding: (v) => ({ holds: v.value, severity: 'warning', message: v.reason }),
      wire: {
        witness: 'exchange',
        observe: async ({ item }) => {
          const sip = item.first('msRTCSIP-PrimaryUserAddress')!.replace(/^sip:/i, '');
          return (await discoverPox(ctx.records, sip, { login: sip, password: ctx.password })).ok;
        },
        detail: { how: 'Autodiscover POX signed in with the SIP address' },
      },
    });
  },
);

Then(
  'each user whose SIP address differs from their mail address is reported',
  async function (this: HarnessWorld) {
    await this.reportTenantCheck('SRCH-06');
  },
);
