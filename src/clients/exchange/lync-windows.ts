import { ewsLookup, type SearchOutcome, type SignedInUser, typedSipAddress } from './ews-search';
import type { OutlookSimulator } from './outlook';

/**
 * Lync for Windows (2013 unless told otherwise) signed in to Lync Online. A search is an EWS look-up supplemented by a MAPI
 * query to the Outlook on the same computer, when that Outlook is the same version and its profile
 * is the user's mailbox (the SIP address must equal the mail address).
 */
export class LyncForWindows {
  constructor(
    readonly user: SignedInUser,
    readonly outlook?: OutlookSimulator,
    readonly version: 2010 | 2013 = 2013,
  ) {}

  /** Why the MAPI supplement is not used, or undefined when it is. */
  mapiUnavailable(): string | undefined {
    if (!this.outlook) return 'no Outlook on this computer';
    if (this.outlook.options.version !== this.version)
      return `Outlook ${this.outlook.options.version} is not the same version as Lync ${this.version}`;
    const mailbox = this.user.signInAddress.replace(/^sip:/i, '').toLowerCase();
    if (this.outlook.options.mailAddress.toLowerCase() !== mailbox)
      return `the Outlook profile ${this.outlook.options.mailAddress} is not the sign-in address ${mailbox}`;
    return undefined;
  }

  async search(query: string): Promise<SearchOutcome> {
    const ews = await ewsLookup(this.user, query, true);
    const names = new Set(ews.names);
    const sources: Record<string, string> = { ews: ews.status };
    const blocked = this.mapiUnavailable();
    if (blocked || !this.outlook) sources.mapi = `not used: ${blocked}`;
    else {
      const mapi = await this.outlook.mapiLookup(query);
      for (const n of mapi.names) names.add(n);
      sources.mapi = `${mapi.source}: ${mapi.names.length} found${mapi.detail ? ` (${mapi.detail})` : ''}`;
    }
    return {
      client: 'Lync 2013 for Windows',
      query,
      names: [...names].sort(),
      sources,
      credentialPrompts: ews.prompt ? 1 : 0,
      imTarget: typedSipAddress(query),
    };
  }
}
