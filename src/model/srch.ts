import type { DirectoryEntry } from '../tenant/entry';
import { dirSyncExportsContact } from './gal';
import { mechanism } from './mechanism';
import { type Verdict, verdict } from './verdict';

/**
 * SRCH: who can find an external contact, as the field notes describe Lync Online look-ups. EWS goes
 * to the Unified Contact Store (licensed Lync Online users only); Lync for Windows adds a MAPI query
 * to a same-version Outlook, which answers from its local OAB in cached mode.
 */
export type SearchClient = 'lync-windows' | 'lync-mac' | 'lync-mobile' | 'owa';

export interface SearchSetup {
  client: SearchClient;
  lyncVersion: 2010 | 2013;
  outlookVersion?: 2010 | 2013;
  outlookMode?: 'cached' | 'online';
  /** Whether the Outlook profile has downloaded an OAB (a new profile has not: SRCH-10). */
  oabDownloaded: boolean;
  /** The searching user's SIP address equals their mail address (SRCH-06). */
  sipEqualsMail: boolean;
  autodiscover: 'exchange-online' | 'missing' | 'elsewhere';
}

export interface Person {
  displayName: string;
  /** A mail user or mailbox, or a (GAL external) contact. */
  kind?: 'user' | 'contact';
  givenName?: string;
  surname?: string;
  alias?: string;
  smtp?: string;
}

/** SRCH-06, SRCH-07: the EWS connection needs Autodiscover pointing at Exchange Online and SIP = mail. */
export function ewsConnects(setup: SearchSetup): Verdict<boolean> {
  const exchange = mechanism().srch;
  if (!exchange.autodiscoverKnowsTenantDomain)
    return verdict(
      ewsConnects,
      false,
      ['SRCH-07'],
      "Exchange Online's Autodiscover does not know the domain, so there is no EWS look-up",
    );
  if (setup.autodiscover !== 'exchange-online')
    return verdict(
      ewsConnects,
      false,
      ['SRCH-07'],
      `the Autodiscover record is ${setup.autodiscover}, so there is no EWS look-up`,
    );
  // OWA signs in to the mailbox itself, so only Lync's sign-in with the SIP address is affected.
  if (!setup.sipEqualsMail && setup.client !== 'owa' && !exchange.exchangeSignInBySipAddress)
    return verdict(
      ewsConnects,
      false,
      ['SRCH-06'],
      'the SIP address differs from the mail address: EWS fails with an authentication prompt',
    );
  return verdict(ewsConnects, true, ['SRCH-01'], 'EWS look-ups go to the Unified Contact Store');
}

/**
 * Where the MAPI supplement is answered from, or why there is none. With Lync 2010 or Outlook 2010 in
 * the pair the outcome also rests on SRCH-11 (the same-version rule over the notes' era).
 */
export function mapiSupplement(setup: SearchSetup): Verdict<'oab' | 'ews' | 'none'> {
  const era = (rules: string[]) =>
    setup.client === 'lync-windows' && (setup.lyncVersion === 2010 || setup.outlookVersion === 2010)
      ? [...rules, 'SRCH-11']
      : rules;
  if (setup.client !== 'lync-windows')
    return verdict(mapiSupplement, 'none', ['SRCH-02'], `${setup.client} uses EWS only`);
  if (!setup.outlookVersion)
    return verdict(mapiSupplement, 'none', ['SRCH-03'], 'no Outlook on the computer');
  if (setup.outlookVersion !== setup.lyncVersion && !mechanism().srch.mixedVersionsGetSupplement)
    return verdict(
      mapiSupplement,
      'none',
      era(['SRCH-05']),
      `Lync ${setup.lyncVersion} with Outlook ${setup.outlookVersion}: mixed versions get no MAPI supplement`,
    );
  if (!setup.sipEqualsMail && !mechanism().srch.exchangeSignInBySipAddress)
    return verdict(
      mapiSupplement,
      'none',
      ['SRCH-06'],
      'the SIP address differs from the mail address: the MAPI connection fails',
    );
  if (setup.outlookMode === 'online')
    return verdict(
      mapiSupplement,
      'ews',
      era(['SRCH-04']),
      'Outlook in online mode answers with the same EWS query against the UCS',
    );
  return verdict(
    mapiSupplement,
    'oab',
    era(['SRCH-03']),
    'Outlook in cached mode answers from its local OAB',
  );
}

/** SRCH-01: what an EWS look-up finds: licensed Lync Online users in the UCS, never GAL external contacts. */
export function ucsLookup(ucs: Person[], query: string): Verdict<string[]> {
  const names = ucs.filter((p) => nameMatches(p, query)).map((p) => p.displayName);
  return verdict(
    ucsLookup,
    names.sort(),
    ['SRCH-01'],
    'the Unified Contact Store holds licensed Lync Online users only',
  );
}

/** The names a search finds: the UCS through EWS, plus the local OAB through the MAPI supplement. */
export function searchFinds(
  setup: SearchSetup,
  directory: { ucs: Person[]; oab: Person[] },
  query: string,
): Verdict<string[]> {
  const ews = ewsConnects(setup);
  const mapi = mapiSupplement(setup);
  const names = new Set<string>();
  const rules = new Set([...ews.rules, ...mapi.rules]);
  // The UCS as this deployment fills it: licensed users only, as the notes say (SRCH-01), or the whole GAL.
  const ucs = mechanism().srch.ucsHoldsExternalContacts ? directory.oab : directory.ucs;
  if (ews.value) for (const n of ucsLookup(ucs, query).value) names.add(n);
  if (mapi.value === 'oab') {
    // The OAB as this deployment builds it: the GAL, external contacts included (SRCH-03), or mailboxes only.
    const oab = mechanism().srch.oabHoldsExternalContacts
      ? directory.oab
      : directory.oab.filter((p) => p.kind !== 'contact');
    if (!setup.oabDownloaded) rules.add('SRCH-10');
    else for (const p of oab.filter((x) => nameMatches(x, query))) names.add(p.displayName);
  }
  const reason = `${ews.reason}; ${mapi.reason}${mapi.value === 'oab' && !setup.oabDownloaded ? ', but the profile has no OAB yet' : ''}`;
  return verdict(searchFinds, [...names].sort(), [...rules], reason);
}

/**
 * Whether one search finds one object (the per-object form of searchFinds, for tenant checks): through
 * EWS when it is in the UCS, through the MAPI supplement when the local OAB holds it.
 */
export function searchFindsPerson(
  setup: SearchSetup,
  person: Person,
  where: { inUcs: boolean; inOab: boolean },
  query: string,
): Verdict<boolean> {
  const ews = ewsConnects(setup);
  const mapi = mapiSupplement(setup);
  const matches = nameMatches(person, query);
  const viaEws = matches && where.inUcs && ews.value;
  const viaOab = matches && where.inOab && mapi.value === 'oab' && setup.oabDownloaded;
  return verdict(
    searchFindsPerson,
    viaEws || viaOab,
    [...new Set([...ews.rules, ...mapi.rules])],
    `${ews.reason}; ${mapi.reason}`,
  );
}

/** Whether a client can find GAL external contacts at all (SRCH-02..05, SRCH-10). */
export function findsExternalContacts(setup: SearchSetup): Verdict<boolean> {
  const mapi = mapiSupplement(setup);
  const found = mapi.value === 'oab' && setup.oabDownloaded;
  return verdict(
    findsExternalContacts,
    found,
    mapi.value === 'oab' && !setup.oabDownloaded ? ['SRCH-10'] : mapi.rules,
    mapi.reason,
  );
}

/** SRCH-09: a typed full SIP address reaches the contact whatever search finds. */
export function typedSipAddressReaches(typed: string): Verdict<string | undefined> {
  const m = /^(?:sip:)?([^@\s:]+@[^@\s]+\.[^@\s]+)$/i.exec(typed.trim());
  if (!m)
    return verdict(typedSipAddressReaches, undefined, ['SRCH-09'], `"${typed}" is not a full SIP address`);
  return verdict(
    typedSipAddressReaches,
    `sip:${m[1].toLowerCase()}`,
    ['SRCH-09'],
    'a typed SIP address starts an IM without search',
  );
}

/** SRCH-08: Lync Online clients download no Lync address book; Lync Server on-premises clients do. */
export function downloadsLyncAddressBook(deployment: 'online' | 'onpremises'): Verdict<boolean> {
  return deployment === 'online'
    ? verdict(
        downloadsLyncAddressBook,
        false,
        ['SRCH-08'],
        'Lync Online has no Address Book Service: look-ups go to EWS and MAPI',
      )
    : verdict(
        downloadsLyncAddressBook,
        true,
        ['SRCH-08'],
        'Lync Server on-premises clients download the Lync address book',
      );
}

/** Name matching as the notes' searches use it: the start of a name, alias or address, or "first last". */
export function nameMatches(p: Person, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return false;
  if ([p.displayName, p.givenName, p.surname, p.alias, p.smtp].some((f) => f?.toLowerCase().startsWith(q)))
    return true;
  const [a, b] = [q.split(/\s+/)[0], q.split(/\s+/).slice(1).join(' ')];
  if (!b) return false;
  const [g, s] = [p.givenName?.toLowerCase() ?? '', p.surname?.toLowerCase() ?? ''];
  return (g.startsWith(a) && s.startsWith(b)) || (g.startsWith(b) && s.startsWith(a));
}

/**
 * The cloud directory the notes describe, from the online forest: the UCS holds users with a mail
 * address and a SIP address (licensed Lync Online users, Lync not switched off); the GAL, and so the
 * OAB, holds every mail user and every contact DirSync exports (GAL-05), except those hidden from
 * address lists (msExchHideFromAddressLists).
 */
export function cloudDirectoryView(online: DirectoryEntry[]): { ucs: Person[]; oab: Person[] } {
  const listed = online.filter((e) => !hiddenFromAddressLists(e));
  const mailUsers = listed.filter((e) => e.isA('user') && !e.isA('computer') && e.has('mail'));
  const contacts = listed.filter((e) => e.isA('contact') && dirSyncExportsContact(e).value);
  const ucs = mailUsers.filter(
    (e) => e.has('msRTCSIP-PrimaryUserAddress') && e.first('msRTCSIP-UserEnabled')?.toUpperCase() !== 'FALSE',
  );
  return { ucs: ucs.map(personOf), oab: [...mailUsers, ...contacts].map(personOf) };
}

/** msExchHideFromAddressLists: TRUE keeps an object out of the GAL and so out of the OAB. */
export function hiddenFromAddressLists(e: DirectoryEntry): boolean {
  return e.first('msExchHideFromAddressLists')?.toUpperCase() === 'TRUE';
}

export function personOf(e: DirectoryEntry): Person {
  return {
    displayName: e.first('displayName') ?? e.first('cn') ?? '',
    kind: e.isA('contact') ? 'contact' : 'user',
    givenName: e.first('givenName'),
    surname: e.first('sn'),
    alias: e.first('mailNickname'),
    smtp: e.first('mail'),
  };
}

/** SRCH-06: Lync's sign-in to Exchange with a SIP address that is not the mail address ends in a credential prompt. */
export function credentialPrompt(setup: SearchSetup): Verdict<boolean> {
  const ews = ewsConnects(setup);
  const prompts = !ews.value && ews.rules.includes('SRCH-06');
  return verdict(credentialPrompt, prompts, ['SRCH-06'], ews.reason);
}

/** Whether a search's results (a searchFinds verdict) show the named person. */
export function resultsShow(results: Verdict<string[]>, name: string): Verdict<boolean> {
  return verdict(resultsShow, results.value.includes(name), results.rules, results.reason);
}

/** SRCH-10: an Outlook profile holds an OAB only once it has downloaded one. */
export function profileHoldsOab(setup: Pick<SearchSetup, 'oabDownloaded'>): Verdict<boolean> {
  return setup.oabDownloaded
    ? verdict(profileHoldsOab, true, ['SRCH-10'], 'the profile has downloaded the OAB')
    : verdict(profileHoldsOab, false, ['SRCH-10'], 'a new profile starts with no OAB');
}
