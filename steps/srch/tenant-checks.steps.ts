import { Then, When } from '@cucumber/cucumber';
import { discoverPox } from '../../src/clients/exchange/autodiscover';
import { EwsOnlyClient } from '../../src/clients/exchange/ews-search';
import { LyncForWindows } from '../../src/clients/exchange/lync-windows';
import { dirSyncExportsContact } from '../../src/model/gal';
import { hiddenFromAddressLists, type SearchSetup, searchFindsPerson } from '../../src/model/srch';
import { contactsOf, forestByRole } from '../../src/tenant/tenant';
import type { Finding } from '../support/findings';
import type { HarnessWorld } from '../support/world';
import { personOf, SEED_TIMEOUT_MS, tenantExchange } from './exchange-context';

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
    const summary = await this.reportFindings('SRCH-06', c.findings);
    if (summary.objectsChecked === 0)
      throw new Error('[SRCH-06] the cloud directory has no licensed Lync Online user to check');
  },
);

const CLIENTS: Array<{ label: string; setup: Partial<SearchSetup> }> = [
  {
    label: 'Lync 2013 for Windows + cached Outlook 2013',
    setup: { client: 'lync-windows', outlookVersion: 2013, outlookMode: 'cached' },
  },
  {
    label: 'Lync 2013 for Windows + online Outlook 2013',
    setup: { client: 'lync-windows', outlookVersion: 2013, outlookMode: 'online' },
  },
  { label: 'Lync for Mac', setup: { client: 'lync-mac' } },
  { label: 'Lync Mobile', setup: { client: 'lync-mobile' } },
  { label: 'OWA', setup: { client: 'owa' } },
];

When(
  'every external contact of the online forest is searched for by first name from each client',
  { timeout: SEED_TIMEOUT_MS },
  async function (this: HarnessWorld) {
    const ctx = await tenantExchange(this).ready();
    const c = check(this);
    const searcher = ctx
      .licensedUsers()
      .find(
        (u) =>
          u.first('msRTCSIP-PrimaryUserAddress')?.toLowerCase() === `sip:${u.first('mail')?.toLowerCase()}`,
      );
    if (!searcher)
      throw new Error('[SRCH-03] no licensed user whose SIP address equals their mail address can search');
    const now = await ctx.now();
    const cached = ctx.newOutlook(searcher, 2013, 'cached', now);
    await cached.checkOab(now);
    const clients = [
      new LyncForWindows(ctx.signIn(searcher), cached),
      new LyncForWindows(ctx.signIn(searcher), ctx.newOutlook(searcher, 2013, 'online', now)),
      new EwsOnlyClient('Lync for Mac', ctx.signIn(searcher)),
      new EwsOnlyClient('Lync Mobile', ctx.signIn(searcher)),
      new EwsOnlyClient('OWA', ctx.signIn(searcher, true)),
    ];
    const forest = forestByRole(this.tenant, 'online');
    for (const [i, contact] of contactsOf(forest).entries()) {
      const person = personOf(contact);
      const exported = dirSyncExportsContact(contact);
      const query = person.givenName ?? person.displayName.split(' ')[0];
      const base: SearchSetup = {
        client: 'lync-windows',
        lyncVersion: 2013,
        oabDownloaded: true,
        sipEqualsMail: true,
        autodiscover: 'exchange-online',
      };
      // A contact is never in the UCS (SRCH-01); it is in the OAB when DirSync exports it (GAL-05)
      // and it is not hidden from address lists.
      const where = { inUcs: false, inOab: exported.value && !hiddenFromAddressLists(contact) };
      const model = CLIENTS.map(
        (k) => searchFindsPerson({ ...base, ...k.setup }, person, where, query).value,
      );
      let wire: boolean[] | undefined;
      if (i < WIRE_SAMPLE)
        wire = await Promise.all(
          clients.map(async (k) => (await k.search(query)).names.includes(person.displayName)),
        );
      const foundIn = CLIENTS.filter((_, k) => model[k]).map((k) => k.label);
      if (wire?.some((v, k) => v !== model[k])) c.wireFlagged.push(contact.dn);
      const onlyCached = model[0] && model.slice(1).every((found) => !found);
      c.findings.push({
        rule: 'SRCH-03',
        dn: contact.dn,
        forest: forest.domain,
        outcome: onlyCached ? 'holds' : 'finding',
        severity: onlyCached ? undefined : 'warning',
        message: onlyCached
          ? `"${query}" finds ${person.displayName} only in Lync for Windows with cached Outlook (not in Mac, Mobile, OWA or online mode)`
          : `"${query}" does not find ${person.displayName} where the notes say (found in: ${foundIn.join(', ') || 'no client'}${exported.value ? '' : `; ${exported.reason}`})`,
        witnesses: wire
          ? ['model', 'client:lync-windows', 'client:lync-mac', 'client:lync-mobile', 'client:owa']
          : ['model'],
      });
    }
  },
);

Then(
  'each contact is found only where the notes say, and every exception is reported',
  async function (this: HarnessWorld) {
    const c = check(this);
    await this.verify({
      rule: ['SRCH-02', 'SRCH-03', 'SRCH-04'],
      claim: 'the simulators find each exported contact in exactly the clients the model predicts',
      expected: [],
      observations: [
        { witness: 'model', value: [] },
        {
          witness: 'clients',
          value: c.wireFlagged,
          detail: 'contacts where a simulator and the model disagree',
        },
      ],
    });
    const summary = await this.reportFindings('SRCH-03', c.findings);
    if (summary.objectsChecked === 0)
      throw new Error('[SRCH-03] DirSync exported no external contact to search for');
  },
);
