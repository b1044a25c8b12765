import { Then, When } from '@cucumber/cucumber';
import { LyncOnlineClient } from '../../src/clients/tls/presence-client';
import { imButtonsFor } from '../../src/model/pres-tenant';
import type { DirectoryEntry } from '../../src/tenant/entry';
import { contactsOf, forestByRole } from '../../src/tenant/tenant';
import { TENANT_STEP_TIMEOUT_MS } from '../support/tenant-check';
import type { HarnessWorld } from '../support/world';

When(
  'every external contact of the Lync Online forest is checked for the IM button in Outlook and OWA',
  { timeout: TENANT_STEP_TIMEOUT_MS },
  async function (this: HarnessWorld) {
    if (!this.tenantSpace.hasForest('online')) return;
    const forest = forestByRole(this.tenant, 'online');
    const contacts = contactsOf(forest).filter((c) => c.first('mail'));
    const { service, people } = await this.tenantSpace.lyncOnline();
    // Outlook and OWA of a signed-in Lync Online user ask; without one, the model judges alone.
    const signedIn = people.find((p) => p.kind === 'user' && p.endpoint);
    const client = signedIn && new LyncOnlineClient(service.urls.http, signedIn.sip!);
    await this.checkTenant<DirectoryEntry, { outlook: boolean; owa: boolean }>({
      rule: 'PRES-01',
      claim: 'Lync Online shows the IM button in full Outlook and OWA exactly where the model says',
      objects: contacts.map((c) => ({ dn: c.dn, forest: forest.domain, item: c })),
      decide: imButtonsFor,
      finding: (v) => ({ holds: v.value.outlook, severity: 'warning', message: v.reason }),
      ...(client && {
        wire: {
          witness: 'lync-online' as const,
          observe: async ({ item }) => {
            const mail = item.first('mail')!;
            return { outlook: await client.outlookImButton(mail), owa: await client.owaImButton(mail) };
          },
          detail: { signedIn: signedIn.sip },
        },
      }),
    });
  },
);

Then(
  'each contact without a SIP address is reported as a warning: no client shows an IM button',
  async function (this: HarnessWorld) {
    await this.reportTenantCheck('PRES-01');
  },
);
