import { Then, When } from '@cucumber/cucumber';
import { personOf, type SearchSetup } from '../../src/model/srch';
import { contactReach, foundOnlyWithCachedOutlook, searchQueryFor } from '../../src/model/srch-tenant';
import type { DirectoryEntry } from '../../src/tenant/entry';
import { contactsOf, forestByRole } from '../../src/tenant/tenant';
import { SEED_TIMEOUT_MS, tenantExchange } from '../exchange/exchange-context';
import type { HarnessWorld } from '../support/world';
import { ClientMatrix } from './contact-findability';

const NO_SEARCHER: SearchSetup = {
  client: 'lync-windows',
  lyncVersion: 2013,
  oabDownloaded: true,
  sipEqualsMail: true,
  autodiscover: 'exchange-online',
};

When(
  'every external contact of the online forest is searched for by first name from each client',
  { timeout: SEED_TIMEOUT_MS },
  async function (this: HarnessWorld) {
    if (!this.tenantSpace.hasForest('online')) return;
    const ctx = await tenantExchange(this).ready();
    // The settings pick the Lync and Outlook for Windows of the matrix (the notes' era: 2010 or 2013).
    const version = (setting: string) => {
      const value = this.setting(setting, '2013');
      if (value !== '2010' && value !== '2013')
        throw new Error(`[steps:srch] the setting ${setting} must be 2010 or 2013, got "${value}"`);
      return Number(value) as 2010 | 2013;
    };
    const versions = { lync: version('lyncVersion'), outlook: version('outlookVersion') };
    const matrix = await ClientMatrix.open(ctx, versions);
    const forest = forestByRole(this.tenant, 'online');
    const base = matrix?.base ?? {
      ...NO_SEARCHER,
      lyncVersion: versions.lync,
      outlookVersion: versions.outlook,
    };
    await this.checkTenant<DirectoryEntry, boolean[]>({
      rule: 'SRCH-03',
      rules: ['SRCH-02', 'SRCH-03', 'SRCH-04'],
      claim: 'the simulators find each external contact in exactly the clients the model predicts',
      objects: contactsOf(forest).map((c) => ({ dn: c.dn, forest: forest.domain, item: c })),
      decide: (contact) => contactReach(contact, base),
      finding: (reach) => {
        const asNotes = foundOnlyWithCachedOutlook(reach);
        return { holds: asNotes.value, severity: 'warning', message: asNotes.reason };
      },
      // Without a licensed user there is no one to search from: the model judges alone.
      ...(matrix && {
        wire: {
          witness: 'clients' as const,
          observe: ({ item }) => matrix.finds(searchQueryFor(item), personOf(item).displayName),
          detail: { searcher: matrix.user.dn },
        },
      }),
    });
  },
);

Then(
  'each contact is found only where the notes say, and every exception is reported',
  async function (this: HarnessWorld) {
    await this.reportTenantCheck('SRCH-03');
  },
);
