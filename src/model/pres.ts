import { mechanism } from './mechanism';
import { type Verdict, verdict } from './verdict';

export const FOLLOWERS_REACHED = 'Maximum Followers Reached';

export type Client = 'owa' | 'outlook';
export interface ContactFacts {
  kind: 'user' | 'contact';
  sipAddress?: string;
  /** Someone is signed in at the SIP address (the availability shown), or no one. */
  reachableAs?: string;
}

/** PRES-01: OWA resolves only Lync Online users; full Outlook shows IM for any entry with a SIP address. */
export function imButton(client: Client, contact: ContactFacts): Verdict<boolean> {
  if (client === 'owa')
    return (contact.kind === 'user' || mechanism().pres.owaResolvesExternalContacts) && contact.sipAddress
      ? verdict(imButton, true, ['PRES-01'], 'OWA shows presence and IM for a Lync Online user')
      : verdict(
          imButton,
          false,
          ['PRES-01'],
          'OWA shows no presence and no IM button for an external contact',
        );
  return contact.sipAddress
    ? verdict(imButton, true, ['PRES-01'], 'full Outlook shows the IM button for an entry with a SIP address')
    : verdict(imButton, false, ['PRES-01'], 'no SIP address, no IM button');
}

/** PRES-02: pinning one more contact to a list that already holds `pinned`. */
export function pinContact(pinned: number): Verdict<boolean> {
  const { maxContacts } = mechanism().pres;
  return pinned < maxContacts
    ? verdict(pinContact, true, ['PRES-02'], `${pinned + 1} of at most ${maxContacts} contacts`)
    : verdict(pinContact, false, ['PRES-02'], `the list already holds ${maxContacts} contacts`);
}

/**
 * PRES-03: what the watcher sees for one more contact, given its active subscriptions and how many
 * people already follow that contact. IM and adding contacts are not limited by it.
 */
export function presenceForNewContact(
  watcherSubscriptions: number,
  publisherFollowers: number,
  availability: string,
): Verdict<string> {
  const { maxSubscriptions, maxCategorySubscription, categoriesPerSubscription } = mechanism().pres;
  if (watcherSubscriptions >= maxSubscriptions)
    return verdict(
      presenceForNewContact,
      FOLLOWERS_REACHED,
      ['PRES-03'],
      `${watcherSubscriptions} concurrent subscriptions is the limit of ${maxSubscriptions}`,
    );
  if ((publisherFollowers + 1) * categoriesPerSubscription > maxCategorySubscription)
    return verdict(
      presenceForNewContact,
      FOLLOWERS_REACHED,
      ['PRES-03'],
      `the contact already has ${publisherFollowers} followers (${maxCategorySubscription} categories)`,
    );
  return verdict(
    presenceForNewContact,
    availability,
    ['PRES-03', 'PRES-04'],
    'the subscription is within the limits',
  );
}

/** PRES-03: instant messages are not limited by presence subscriptions. */
export function imDelivered(contact: ContactFacts): Verdict<boolean> {
  return reachedAs(contact)
    ? verdict(
        imDelivered,
        true,
        ['PRES-03'],
        'someone is signed in at the address; IM is not limited by presence quotas',
      )
    : verdict(imDelivered, false, ['PRES-04'], 'no one is signed in at the address');
}

/** PRES-04: presence of a contact: unknown when its SIP address reaches no one. */
export function presenceShown(contact: ContactFacts): Verdict<string> {
  if (!contact.sipAddress)
    return verdict(presenceShown, 'Presence unknown', ['PRES-04'], 'the contact has no SIP address');
  const signedIn = reachedAs(contact);
  return signedIn
    ? verdict(presenceShown, signedIn, ['PRES-04'], `someone is signed in at ${contact.sipAddress}`)
    : verdict(presenceShown, 'Presence unknown', ['PRES-04'], `${contact.sipAddress} reaches no one`);
}

/** Who is signed in at the contact's address, as the tenant reaches them: a partner's only through federation. */
function reachedAs(contact: ContactFacts): string | undefined {
  if (contact.kind === 'contact' && !mechanism().pres.federatedWithPartners) return undefined;
  return contact.reachableAs;
}
