import { Then, When } from '@cucumber/cucumber';
import { contactsOf, forestByRole } from '../../src/tenant/tenant';
import type { Finding } from '../support/findings';
import type { HarnessWorld } from '../support/world';
import { ClientMatrix, judgeContact } from './contact-findability';
import { SEED_TIMEOUT_MS, tenantExchange } from './exchange-context';

/** How many contacts are also searched for over the wire; the model judges every contact. */
const WIRE_SAMPLE = 100;

const check = (w: HarnessWorld) =>
  w.area<{ findings: Finding[]; disagreements: string[]; searcher?: string }>('srch-contacts', () => ({
    findings: [],
    disagreements: [],
  }));

When(
  'every external contact of the online forest is searched for by first name from each client',
  { timeout: SEED_TIMEOUT_MS },
  async function (this: HarnessWorld) {
    if (!this.tenantSpace.hasForest('online')) return;
    const ctx = await tenantExchange(this).ready();
    const c = check(this);
    const matrix = await ClientMatrix.open(ctx);
    c.searcher = matrix?.user.dn;
    const forest = forestByRole(this.tenant, 'online');
    const base =
      matrix?.base ??
      ({
        client: 'lync-windows',
        lyncVersion: 2013,
        oabDownloaded: true,
        sipEqualsMail: true,
        autodiscover: 'exchange-online',
      } as const);
    for (const [i, contact] of contactsOf(forest).entries()) {
      const judged = await judgeContact(contact, forest.domain, i < WIRE_SAMPLE ? matrix : undefined, base);
      c.findings.push(judged.finding);
      if (judged.disagrees) c.disagreements.push(contact.dn);
    }
  },
);

Then(
  'each contact is found only where the notes say, and every exception is reported',
  async function (this: HarnessWorld) {
    const c = check(this);
    await this.verifyNoDisagreements(
      ['SRCH-02', 'SRCH-03', 'SRCH-04'],
      'the simulators find each external contact in exactly the clients the model predicts',
      'clients',
      c.disagreements,
      { searcher: c.searcher ?? 'nobody (the online forest has no licensed user)' },
    );
    await this.reportFindings('SRCH-03', c.findings);
  },
);
