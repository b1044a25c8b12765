import { EwsOnlyClient } from '../../src/clients/exchange/ews-search';
import { LyncForWindows } from '../../src/clients/exchange/lync-windows';
import { dirSyncExportsContact } from '../../src/model/gal';
import { hiddenFromAddressLists, personOf, type SearchSetup, searchFindsPerson } from '../../src/model/srch';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { Finding } from '../support/findings';
import type { ExchangeContext } from './exchange-context';

/** The client matrix of the notes: where a Lync Online user may search from. */
export const CLIENTS: Array<{ label: string; setup: Partial<SearchSetup> }> = [
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
const WITNESSES = ['client:lync-windows', 'client:lync-mac', 'client:lync-mobile', 'client:owa'];

type Searcher = { search(query: string): Promise<{ names: string[] }> };

/** One licensed user at every client of the matrix (cached Outlook with its OAB downloaded). */
export class ClientMatrix {
  private constructor(
    readonly user: DirectoryEntry,
    readonly base: SearchSetup,
    readonly clients: Searcher[],
  ) {}

  /** The searcher: a licensed user whose SIP address is their mail (SRCH-06), else any licensed user. */
  static async open(ctx: ExchangeContext): Promise<ClientMatrix | undefined> {
    const licensed = ctx.licensedUsers();
    const same = (u: DirectoryEntry) =>
      u.first('msRTCSIP-PrimaryUserAddress')?.toLowerCase() === `sip:${u.first('mail')?.toLowerCase()}`;
    const user = licensed.find(same) ?? licensed[0];
    if (!user) return undefined;
    const now = await ctx.now();
    const cached = ctx.newOutlook(user, 2013, 'cached', now);
    await cached.checkOab(now);
    const base: SearchSetup = {
      client: 'lync-windows',
      lyncVersion: 2013,
      oabDownloaded: true,
      sipEqualsMail: same(user),
      autodiscover: 'exchange-online',
    };
    return new ClientMatrix(user, base, [
      new LyncForWindows(ctx.signIn(user), cached),
      new LyncForWindows(ctx.signIn(user), ctx.newOutlook(user, 2013, 'online', now)),
      new EwsOnlyClient('Lync for Mac', ctx.signIn(user)),
      new EwsOnlyClient('Lync Mobile', ctx.signIn(user)),
      new EwsOnlyClient('OWA', ctx.signIn(user, true)),
    ]);
  }
}

/**
 * SRCH-02..04 for one external contact: where the model says a first-name search finds it, and,
 * when `matrix` is given, where each client simulator finds it over the wire.
 */
export async function judgeContact(
  contact: DirectoryEntry,
  forest: string,
  matrix: ClientMatrix | undefined,
  base: SearchSetup,
): Promise<{ finding: Finding; disagrees: boolean }> {
  const person = personOf(contact);
  const exported = dirSyncExportsContact(contact);
  const hidden = hiddenFromAddressLists(contact);
  const query = person.givenName ?? person.displayName.split(' ')[0];
  // A contact is never in the UCS (SRCH-01); the OAB holds it when DirSync exports it (GAL-05) and it is listed.
  const where = { inUcs: false, inOab: exported.value && !hidden };
  const model = CLIENTS.map((k) => searchFindsPerson({ ...base, ...k.setup }, person, where, query).value);
  const wire = matrix
    ? await Promise.all(
        matrix.clients.map(async (k) => (await k.search(query)).names.includes(person.displayName)),
      )
    : undefined;
  const onlyCached = model[0] && model.slice(1).every((found) => !found);
  const foundIn = CLIENTS.filter((_, k) => model[k]).map((k) => k.label);
  const why = [!exported.value && exported.reason, hidden && 'hidden from address lists'].filter(Boolean);
  return {
    disagrees: wire?.some((v, k) => v !== model[k]) ?? false,
    finding: {
      rule: 'SRCH-03',
      dn: contact.dn,
      forest,
      outcome: onlyCached ? 'holds' : 'finding',
      ...(onlyCached ? {} : { severity: 'warning' as const }),
      message: onlyCached
        ? `"${query}" finds ${person.displayName} only in Lync for Windows with cached Outlook (not in Mac, Mobile, OWA or online mode)`
        : `"${query}" does not find ${person.displayName} where the notes say (found in: ${foundIn.join(', ') || 'no client'}${why.length ? `; ${why.join('; ')}` : ''})`,
      witnesses: wire ? ['model', ...WITNESSES] : ['model'],
    },
  };
}
