import type { DirectoryEntry } from '../../tenant/entry';
import { type LdapSource, pagedSearch, withLdap } from './ldap-client';

/** One object of the Lync address book: a user or contact of the forest with a SIP address. */
export interface AddressBookEntry {
  displayName: string;
  sip: string;
  mail?: string;
  kind: 'user' | 'contact';
}

const SIP = 'msRTCSIP-PrimaryUserAddress';

/**
 * Lync Server's User Replicator: reads the forest's users and contacts that carry a SIP address over
 * LDAP (paged), which is what the Address Book Service builds its files from.
 */
export async function replicateUsers(source: LdapSource): Promise<AddressBookEntry[]> {
  const found = await withLdap(source, (c) =>
    pagedSearch(c, source.baseDn, `(&(objectCategory=person)(${SIP}=*))`, [
      'objectClass',
      'displayName',
      'cn',
      'mail',
      SIP,
    ]),
  );
  return found.map(toEntry);
}

function toEntry(e: DirectoryEntry): AddressBookEntry {
  return {
    displayName: e.first('displayName') ?? e.first('cn') ?? e.dn,
    sip: e.first(SIP)!,
    ...(e.first('mail') ? { mail: e.first('mail') } : {}),
    kind: e.isA('contact') ? 'contact' : 'user',
  };
}
