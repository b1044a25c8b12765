import { EwsOnlyClient, type SignedInUser } from './ews-search';

/** Lync for Mac 2011 signed in to Lync Online: EWS look-ups only, no MAPI. */
export function lyncForMac(user: SignedInUser): EwsOnlyClient {
  return new EwsOnlyClient('Lync for Mac', user);
}
