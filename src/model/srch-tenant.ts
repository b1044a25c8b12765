import type { DirectoryEntry } from '../tenant/entry';
import { dirSyncExportsContact } from './gal';
import { hiddenFromAddressLists, personOf, type SearchSetup, searchFindsPerson } from './srch';
import { type Verdict, verdict } from './verdict';

/** SRCH-06 for one user: Lync signs in to Exchange with the SIP address, which works only when it is the mail address. */
export function sipEqualsMail(user: DirectoryEntry): Verdict<boolean> {
  const sip = (user.first('msRTCSIP-PrimaryUserAddress') ?? '').replace(/^sip:/i, '');
  const mail = user.first('mail') ?? '';
  return sip !== '' && sip.toLowerCase() === mail.toLowerCase()
    ? verdict(sipEqualsMail, true, ['SRCH-06'], `SIP address equals the mail address ${mail}`)
    : verdict(
        sipEqualsMail,
        false,
        ['SRCH-06'],
        `SIP address ${sip || '(none)'} differs from mail ${mail || '(none)'}: Lync's EWS and MAPI look-ups fail with credential prompts`,
      );
}

/**
 * The client matrix of the notes: where a Lync Online user may search from. Lync and Outlook for Windows
 * are of the versions the search setup says (the settings lyncVersion and outlookVersion).
 */
export const CLIENT_MATRIX: Array<{ label: string; setup: Partial<SearchSetup> }> = [
  { label: 'Lync for Windows + cached Outlook', setup: { client: 'lync-windows', outlookMode: 'cached' } },
  { label: 'Lync for Windows + online Outlook', setup: { client: 'lync-windows', outlookMode: 'online' } },
  { label: 'Lync for Mac', setup: { client: 'lync-mac' } },
  { label: 'Lync Mobile', setup: { client: 'lync-mobile' } },
  { label: 'OWA', setup: { client: 'owa' } },
];

/** A matrix client's name with the versions of this setup ("Lync 2010 for Windows + cached Outlook 2010"). */
export function matrixLabel(label: string, base: SearchSetup): string {
  return label
    .replace('Lync for Windows', `Lync ${base.lyncVersion} for Windows`)
    .replace(/Outlook$/, `Outlook ${base.outlookVersion ?? 2013}`);
}

/** The word a first-name search for the contact types. */
export function searchQueryFor(contact: DirectoryEntry): string {
  const person = personOf(contact);
  return person.givenName ?? person.displayName.split(' ')[0];
}

/**
 * SRCH-02..04 for one external contact: whether a first-name search finds it from each client of the
 * matrix (in matrix order). The OAB holds it when DirSync exports it (GAL-05) and it is listed; the UCS never does (SRCH-01).
 */
export function contactReach(contact: DirectoryEntry, base: SearchSetup): Verdict<boolean[]> {
  // The matrix's Lync for Windows sits beside an Outlook: of the setup's version, else 2013 (the notes' pair).
  const pair: SearchSetup = { ...base, outlookVersion: base.outlookVersion ?? 2013 };
  const person = personOf(contact);
  const exported = dirSyncExportsContact(contact);
  const hidden = hiddenFromAddressLists(contact);
  const where = { inUcs: false, inOab: exported.value && !hidden };
  const query = searchQueryFor(contact);
  const found = CLIENT_MATRIX.map(
    (k) => searchFindsPerson({ ...pair, ...k.setup }, person, where, query).value,
  );
  const foundIn = CLIENT_MATRIX.filter((_, k) => found[k]).map((k) => matrixLabel(k.label, pair));
  const onlyCached = found[0] && found.slice(1).every((f) => !f);
  const why = [!exported.value && exported.reason, hidden && 'hidden from address lists'].filter(Boolean);
  const reason = onlyCached
    ? `"${query}" finds ${person.displayName} only in ${matrixLabel(CLIENT_MATRIX[0].label, pair)} (not in Mac, Mobile, OWA or online mode)`
    : `"${query}" does not find ${person.displayName} where the notes say (found in: ${foundIn.join(', ') || 'no client'}${why.length ? `; ${why.join('; ')}` : ''})`;
  return verdict(contactReach, found, ['SRCH-02', 'SRCH-03', 'SRCH-04'], reason);
}

/** What the notes say of an external contact: found with cached Outlook, nowhere else. */
export function foundOnlyWithCachedOutlook(reach: Verdict<boolean[]>): Verdict<boolean> {
  const [cached, ...others] = reach.value;
  return verdict(foundOnlyWithCachedOutlook, cached && others.every((f) => !f), reach.rules, reach.reason);
}
