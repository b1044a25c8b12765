import { EwsOnlyClient, type SignedInUser } from './ews-search';

/** The Lync presence integrated in Outlook Web App: its people search is EWS against the mailbox server. */
export function owaLync(user: SignedInUser): EwsOnlyClient {
  return new EwsOnlyClient('OWA', user);
}
