import { Then, When } from '@cucumber/cucumber';
import { LyncOnlineClient } from '../../src/clients/tls/presence-client';
import { imButton } from '../../src/model/pres';
import type { DirectoryEntry } from '../../src/tenant/entry';
import { contactsOf, forestByRole } from '../../src/tenant/tenant';
import type { Finding } from '../support/findings';
import type { HarnessWorld } from '../support/world';

/** How many contacts are also asked over HTTP (the model covers every object; the wire checks a sample). */
const WIRE_SAMPLE = 300;

interface TenantContext {
  findings: Finding[];
  checked: number;
}
const ctx = (w: HarnessWorld) => w.area<TenantContext>('pres-tenant', () => ({ findings: [], checked: 0 }));

const validSip = (entry: DirectoryEntry) => {
  const sip = entry.first('msRTCSIP-PrimaryUserAddress');
  return sip && /^sip:[^@\s]+@[^@\s]+$/i.test(sip) ? sip : undefined;
};

When(
  'every external contact of the Lync Online forest is checked for the IM button in Outlook and OWA',
  async function (this: HarnessWorld) {
    if (!this.tenantSpace.hasForest('online')) return;
    const forest = forestByRole(this.tenant, 'online');
    const contacts = contactsOf(forest).filter((c) => c.first('mail'));
    const { service, people } = await this.tenantSpace.lyncOnline();
    // Outlook and OWA of a signed-in Lync Online user ask; without one, the model judges alone.
    const signedIn = people.find((p) => p.kind === 'user' && p.endpoint);
    const client = signedIn && new LyncOnlineClient(service.urls.http, signedIn.sip!);
    const disagreements: string[] = [];
    for (const [i, contact] of contacts.entries()) {
      const facts = { kind: 'contact' as const, sipAddress: validSip(contact) };
      const outlook = imButton('outlook', facts);
      const owa = imButton('owa', facts);
      const witnesses = ['model'];
      if (client && i < WIRE_SAMPLE) {
        const mail = contact.first('mail')!;
        const seen = { outlook: await client.outlookImButton(mail), owa: await client.owaImButton(mail) };
        if (seen.outlook !== outlook.value || seen.owa !== owa.value)
          disagreements.push(
            `${contact.dn}: model outlook=${outlook.value} owa=${owa.value}, lync-online ${JSON.stringify(seen)}`,
          );
        witnesses.push('lync-online');
      }
      ctx(this).findings.push({
        rule: 'PRES-01',
        dn: contact.dn,
        forest: forest.domain,
        outcome: outlook.value ? 'holds' : 'finding',
        severity: outlook.value ? undefined : 'warning',
        message: outlook.value
          ? `full Outlook shows the IM button; ${owa.reason}`
          : 'no SIP address: neither full Outlook nor OWA shows an IM button or presence',
        witnesses,
      });
    }
    ctx(this).checked = contacts.length;
    if (disagreements.length)
      throw new Error(
        `[PRES-01] the model and Lync Online disagree on ${disagreements.length} contacts:\n  ${disagreements.slice(0, 10).join('\n  ')}`,
      );
  },
);

Then(
  'each contact without a SIP address is reported as a warning: no client shows an IM button',
  async function (this: HarnessWorld) {
    await this.reportFindings('PRES-01', ctx(this).findings, ctx(this).checked);
  },
);
