import { type AutodiscoverRecords, type Discovery, discoverPox, discoverSoap } from './autodiscover';
import { resolveNames } from './ews';
import type { Credentials } from './http';

/** What one client saw when a user searched: the names found, where from, and any failure or prompt. */
export interface SearchOutcome {
  client: string;
  query: string;
  names: string[];
  /** Per source: `ews`, `mapi`: what it answered (a response code, a failure reason, or `not used`). */
  sources: Record<string, string>;
  credentialPrompts: number;
  /** A typed SIP URI the client will start an IM with, whatever search found (SRCH-09). */
  imTarget?: string;
}

export interface SignedInUser {
  /** The address the client signs in with: the SIP address for Lync, the mailbox for OWA. */
  signInAddress: string;
  password: string;
  records: AutodiscoverRecords;
}

/**
 * The EWS half of a Lync Online look-up: Autodiscover for the sign-in address (SOAP first, then POX,
 * when `soapFirst`), then ResolveNames with the sign-in address as the user name.
 */
export async function ewsLookup(
  user: SignedInUser,
  query: string,
  soapFirst = false,
): Promise<{ names: string[]; status: string; prompt: boolean }> {
  const credentials: Credentials = { login: user.signInAddress, password: user.password };
  let discovery: Discovery | undefined;
  if (soapFirst) discovery = await discoverSoap(user.records, user.signInAddress, credentials);
  if (!discovery || (!discovery.ok && discovery.reason === 'error'))
    discovery = await discoverPox(user.records, user.signInAddress, credentials);
  if (!discovery.ok)
    return { names: [], status: discovery.reason, prompt: discovery.reason === 'credential-prompt' };
  const answer = await resolveNames(discovery.ewsUrl, query, credentials);
  if (!answer.ok) return { names: [], status: answer.reason, prompt: answer.reason === 'credential-prompt' };
  return { names: answer.resolutions.map((r) => r.name), status: answer.responseCode, prompt: false };
}

/** A typed `sip:user@domain` (or bare `user@domain`) the client can IM directly. */
export function typedSipAddress(query: string): string | undefined {
  const q = query.trim();
  const m = /^(?:sip:)?([^@\s:]+@[^@\s]+\.[^@\s]+)$/i.exec(q);
  return m ? `sip:${m[1].toLowerCase()}` : undefined;
}

/** Lync for Mac, Lync Mobile and OWA's Lync integration: EWS is their only source (SRCH-02). */
export class EwsOnlyClient {
  constructor(
    readonly client: string,
    readonly user: SignedInUser,
  ) {}

  async search(query: string): Promise<SearchOutcome> {
    const ews = await ewsLookup(this.user, query);
    return {
      client: this.client,
      query,
      names: ews.names,
      sources: { ews: ews.status, mapi: 'not used' },
      credentialPrompts: ews.prompt ? 1 : 0,
      imTarget: typedSipAddress(query),
    };
  }
}
