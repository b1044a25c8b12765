import type { DirectoryEntry } from '../tenant/entry';
import { mechanism } from './mechanism';
import { type Verdict, verdict } from './verdict';

const SIP = 'msRTCSIP-PrimaryUserAddress';

/**
 * SRCH-08, the on-premises half: a Lync Server client searches the Lync address book it downloaded,
 * which holds every user and contact of its forest with a SIP address (GALSync's contacts of the other
 * company included). A search matches the start of any word of the name, or of the SIP address.
 */
export function addressBookFinds(entries: DirectoryEntry[], query: string, name: string): Verdict<boolean> {
  if (!mechanism().srch.poolAddressBookReplicated)
    return verdict(
      addressBookFinds,
      false,
      ['SRCH-08'],
      "the pool's User Replicator has not run: the address book holds nobody",
    );
  const q = query.trim().toLowerCase();
  const held = entries.filter((e) => (e.isA('user') || e.isA('contact')) && e.first(SIP));
  const entry = held.find((e) => (e.first('displayName') ?? e.first('cn')) === name);
  if (!entry)
    return verdict(
      addressBookFinds,
      false,
      ['SRCH-08'],
      `${name} has no SIP address in the forest: not in the address book`,
    );
  const words = [...e(entry).toLowerCase().split(/\s+/), entry.first(SIP)!.slice(4).toLowerCase()];
  const found = words.some((w) => w.startsWith(q));
  return verdict(
    addressBookFinds,
    found,
    ['SRCH-08'],
    found
      ? `${name} (${entry.isA('contact') ? 'a contact' : 'a user'} with a SIP address) is in the address book and matches "${query}"`
      : `${name} is in the address book but does not match "${query}"`,
  );
}

const e = (entry: DirectoryEntry) => entry.first('displayName') ?? entry.first('cn') ?? '';
