import { Then, When } from '@cucumber/cucumber';
import { discoverPox } from '../../src/clients/exchange/autodiscover';
import { forestByRole } from '../../src/tenant/tenant';
import type { Finding } from '../support/findings';
import type { HarnessWorld } from '../support/world';
import { SEED_TIMEOUT_MS, tenantExchange } from './exchange-context';

/** How many objects a tenant check also asks the mock about over HTTP; the model checks every object. */
const WIRE_SAMPLE = 100;

interface TenantCheck {
  findings: Finding[];
  modelFlagged: string[];
  wireFlagged: string[];
  wireChecked: Set<string>;
}
const check = (w: HarnessWorld) =>
  w.area<TenantCheck>('srch-tenant', () => ({
    findings: [],
    modelFlagged: [],
    wireFlagged: [],
    wireChecked: new Set(),
  }));

When(
  'every licensed Lync Online user signs in to Exchange with their SIP address',
  { timeout: SEED_TIMEOUT_MS },
  async function (this: HarnessWorld) {
    if (!this.tenantSpace.hasForest('online')) return;
    const ctx = await tenantExchange(this).ready();
    const c = check(this);
    for (const [i, user] of ctx.licensedUsers().entries()) {
      const sip = user.first('msRTCSIP-PrimaryUserAddress')!.replace(/^sip:/i, '');
      const mail = user.first('mail') ?? '';
      const matches = sip.toLowerCase() === mail.toLowerCase();
      if (!matches) c.modelFlagged.push(user.dn);
      const witnesses = ['model'];
      if (i < WIRE_SAMPLE) {
        const answer = await discoverPox(ctx.records, sip, { login: sip, password: ctx.password });
        c.wireChecked.add(user.dn);
        if (!answer.ok) c.wireFlagged.push(user.dn);
        witnesses.push('exchange');
      }
      c.findings.push({
        rule: 'SRCH-06',
        dn: user.dn,
        forest: forestByRole(this.tenant, 'online').domain,
        outcome: matches ? 'holds' : 'finding',
        severity: matches ? undefined : 'warning',
        message: matches
          ? `SIP address equals the mail address ${mail}`
          : `SIP address ${sip} differs from mail ${mail}: Lync's EWS and MAPI look-ups fail with credential prompts`,
        witnesses,
      });
    }
  },
);

Then(
  'each user whose SIP address differs from their mail address is reported',
  async function (this: HarnessWorld) {
    const c = check(this);
    await this.verify({
      rule: 'SRCH-06',
      claim:
        'the users whose Exchange sign-in with the SIP address fails are those whose SIP address differs from their mail',
      expected: c.modelFlagged.filter((dn) => c.wireChecked.has(dn)),
      observations: [
        { witness: 'model', value: c.modelFlagged.filter((dn) => c.wireChecked.has(dn)) },
        {
          witness: 'exchange',
          value: c.wireFlagged,
          detail: `${c.wireChecked.size} users signed in over Autodiscover`,
        },
      ],
    });
    await this.reportFindings('SRCH-06', c.findings);
  },
);
