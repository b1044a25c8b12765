import { EwsOnlyClient, type SearchOutcome } from '../../src/clients/exchange/ews-search';
import { LyncForWindows } from '../../src/clients/exchange/lync-windows';
import type { OutlookSimulator } from '../../src/clients/exchange/outlook';
import { type SearchClient, type SearchSetup, searchFinds, ucsLookup } from '../../src/model/srch';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { Tenant } from '../../src/tenant/tenant';
import { type ExchangeContext, exchangeContext, modelDirectory } from '../exchange/exchange-context';
import type { HarnessWorld } from '../support/world';

export const CLIENT_NAMES: Record<string, SearchClient> = {
  'Lync 2013 for Windows': 'lync-windows',
  'Lync for Mac': 'lync-mac',
  'Lync for Mac 2011': 'lync-mac',
  'Lync Mobile': 'lync-mobile',
  OWA: 'owa',
};

/** One user at one computer or device: the model's view of the setup and the simulators that play it. */
export class ClientContext {
  setup!: SearchSetup;
  user!: DirectoryEntry;
  client!: LyncForWindows | EwsOnlyClient;
  outlook?: OutlookSimulator;
  outcome?: SearchOutcome;

  constructor(
    readonly ctx: ExchangeContext,
    readonly tenant: Tenant,
  ) {}

  use(
    user: DirectoryEntry,
    client: SearchClient,
    outlook?: { version: 2010 | 2013; mode: 'cached' | 'online'; at: number },
    lyncVersion: 2010 | 2013 = 2013,
  ) {
    this.user = user;
    const sip = (user.first('msRTCSIP-PrimaryUserAddress') ?? '').replace(/^sip:/i, '').toLowerCase();
    this.setup = {
      client,
      lyncVersion,
      outlookVersion: outlook?.version,
      outlookMode: outlook?.mode,
      oabDownloaded: false,
      sipEqualsMail: sip === (user.first('mail') ?? '').toLowerCase(),
      autodiscover: 'exchange-online',
    };
    this.outlook = outlook ? this.ctx.newOutlook(user, outlook.version, outlook.mode, outlook.at) : undefined;
    const signIn = this.ctx.signIn(user, client === 'owa');
    this.client =
      client === 'lync-windows'
        ? new LyncForWindows(signIn, this.outlook, lyncVersion)
        : new EwsOnlyClient(clientLabel(client), signIn);
  }

  /** The model's prediction for a query, from the tenant's online forest (not from what DirSync returned). */
  predict(query: string) {
    return searchFinds(this.setup, modelDirectory(this.tenant), query);
  }

  /** The model's prediction of the EWS half alone (the Unified Contact Store). */
  predictEws(query: string) {
    return ucsLookup(modelDirectory(this.tenant).ucs, query);
  }

  async search(query: string): Promise<SearchOutcome> {
    this.outcome = await this.client.search(query);
    return this.outcome;
  }
}

function clientLabel(client: SearchClient): string {
  return Object.entries(CLIENT_NAMES).find(([, v]) => v === client)![0];
}

export const clientContext = (w: HarnessWorld) =>
  w.area('client', () => new ClientContext(exchangeContext(w), w.fixtures.data));

export async function readyClientContext(w: HarnessWorld): Promise<ClientContext> {
  await exchangeContext(w).ready();
  return clientContext(w);
}
