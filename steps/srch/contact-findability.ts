import { EwsOnlyClient } from '../../src/clients/exchange/ews-search';
import { LyncForWindows } from '../../src/clients/exchange/lync-windows';
import type { SearchSetup } from '../../src/model/srch';
import { sipEqualsMail } from '../../src/model/srch-tenant';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { ExchangeContext } from '../exchange/exchange-context';

type Searcher = { search(query: string): Promise<{ names: string[] }> };

/** One licensed user at every client of the model's CLIENT_MATRIX (cached Outlook with its OAB downloaded). */
export class ClientMatrix {
  /**
   * What each client showed for a query, asked once per query: many contacts share a first name, and
   * the same search of the same unchanged services shows the same names.
   */
  private readonly shown = new Map<string, Promise<Array<Set<string>>>>();

  private constructor(
    readonly user: DirectoryEntry,
    readonly base: SearchSetup,
    readonly clients: Searcher[],
  ) {}

  /** The searcher: a licensed user whose SIP address is their mail (SRCH-06), else any licensed user. */
  static async open(
    ctx: ExchangeContext,
    versions: { lync: 2010 | 2013; outlook: 2010 | 2013 } = { lync: 2013, outlook: 2013 },
  ): Promise<ClientMatrix | undefined> {
    const licensed = ctx.licensedUsers();
    const user = licensed.find((u) => sipEqualsMail(u).value) ?? licensed[0];
    if (!user) return undefined;
    const now = await ctx.now();
    const cached = ctx.newOutlook(user, versions.outlook, 'cached', now);
    await cached.checkOab(now);
    // The online-mode profile holds an OAB too, so a look-up that wrongly answered from it would show.
    const online = ctx.newOutlook(user, versions.outlook, 'online', now);
    await online.checkOab(now);
    const base: SearchSetup = {
      client: 'lync-windows',
      lyncVersion: versions.lync,
      outlookVersion: versions.outlook,
      oabDownloaded: true,
      sipEqualsMail: sipEqualsMail(user).value,
      autodiscover: 'exchange-online',
    };
    return new ClientMatrix(user, base, [
      new LyncForWindows(ctx.signIn(user), cached, versions.lync),
      new LyncForWindows(ctx.signIn(user), online, versions.lync),
      new EwsOnlyClient('Lync for Mac', ctx.signIn(user)),
      new EwsOnlyClient('Lync Mobile', ctx.signIn(user)),
      new EwsOnlyClient('OWA', ctx.signIn(user, true)),
    ]);
  }

  /** Whether a search for `query` shows `displayName`, from each client in matrix order. */
  async finds(query: string, displayName: string): Promise<boolean[]> {
    let shown = this.shown.get(query);
    if (!shown) {
      shown = Promise.all(this.clients.map(async (k) => new Set((await k.search(query)).names)));
      this.shown.set(query, shown);
    }
    return (await shown).map((names) => names.has(displayName));
  }
}
