import { Given, Then, When } from '@cucumber/cucumber';
import { sipAddressFormat } from '../../src/model/gal';
import { contactsOf } from '../../src/tenant/tenant';
import type { Finding } from '../support/findings';
import type { HarnessWorld } from '../support/world';

interface SipContext {
  address?: string;
  findings: Finding[];
}
const ctx = (w: HarnessWorld) => w.area<SipContext>('gal-sip', () => ({ findings: [] }));

Given(
  'a contact {string} with msRTCSIP-PrimaryUserAddress {string}',
  function (this: HarnessWorld, _name: string, address: string) {
    ctx(this).address = address;
  },
);

Then('its SIP address is well-formed', async function (this: HarnessWorld) {
  const model = sipAddressFormat(ctx(this).address);
  await this.verify({
    rule: 'GAL-03',
    claim: 'the SIP address carries the sip: prefix',
    expected: 'ok',
    observations: [{ witness: 'model', value: model.value, detail: model.reason }],
  });
});

Then('its SIP address is reported as lacking the sip: prefix', async function (this: HarnessWorld) {
  const model = sipAddressFormat(ctx(this).address);
  await this.verify({
    rule: 'GAL-03',
    claim: 'a bare SIP address is a defect',
    expected: 'bare',
    observations: [{ witness: 'model', value: model.value, detail: model.reason }],
  });
});

When('every contact of the tenant is checked for the sip: prefix', function (this: HarnessWorld) {
  const findings = ctx(this).findings;
  for (const forest of this.tenant.forests) {
    for (const contact of contactsOf(forest)) {
      const result = sipAddressFormat(contact.first('msRTCSIP-PrimaryUserAddress'));
      if (result.value === 'absent') continue;
      findings.push({
        rule: 'GAL-03',
        dn: contact.dn,
        forest: forest.domain,
        outcome: result.value === 'ok' ? 'holds' : 'finding',
        severity: result.value === 'ok' ? undefined : 'blocking',
        message: result.reason,
        witnesses: ['model'],
      });
    }
  }
});

Then(
  'each contact with a bare SIP address is reported as a blocking finding',
  async function (this: HarnessWorld) {
    const summary = await this.reportFindings('GAL-03', ctx(this).findings);
    if (summary.objectsChecked === 0)
      throw new Error('[GAL-03] the tenant has no contact with a SIP address to check');
  },
);
