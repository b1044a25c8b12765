import { EwsOnlyClient, type SignedInUser } from './ews-search';

/** Lync 2013 Mobile signed in to Lync Online: EWS look-ups only. */
export function lyncMobile(user: SignedInUser): EwsOnlyClient {
  return new EwsOnlyClient('Lync Mobile', user);
}
