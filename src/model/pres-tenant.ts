import type { DirectoryEntry } from '../tenant/entry';
import { mechanism } from './mechanism';
import { imButton } from './pres';
import { type Verdict, verdict } from './verdict';

/** PRES-03: pinning `pinned` contacts subscribes to the presence of each, up to the subscription limit. */
export function activeSubscriptions(pinned: number): Verdict<number> {
  const { maxSubscriptions } = mechanism().pres;
  const active = Math.min(pinned, maxSubscriptions);
  return verdict(
    activeSubscriptions,
    active,
    ['PRES-03'],
    `${pinned} pinned, at most ${maxSubscriptions} subscribed`,
  );
}

/** PRES-04: a person with a mail address is in Lync Online's directory, so a search finds them. */
export function directorySearchFinds(person: { mail: string }): Verdict<boolean> {
  return person.mail
    ? verdict(directorySearchFinds, true, ['PRES-04'], "in Lync Online's directory")
    : verdict(directorySearchFinds, false, ['PRES-04'], "not in Lync Online's directory (no mail)");
}

/**
 * PRES-01 for one external contact of the tenant: the IM button in full Outlook and in OWA. A SIP
 * address counts only when it is a whole sip:user@domain address.
 */
export function imButtonsFor(contact: DirectoryEntry): Verdict<{ outlook: boolean; owa: boolean }> {
  const sip = contact.first('msRTCSIP-PrimaryUserAddress');
  const facts = {
    kind: 'contact' as const,
    sipAddress: sip && /^sip:[^@\s]+@[^@\s]+$/i.test(sip) ? sip : undefined,
  };
  const outlook = imButton('outlook', facts);
  const owa = imButton('owa', facts);
  return verdict(
    imButtonsFor,
    { outlook: outlook.value, owa: owa.value },
    ['PRES-01'],
    outlook.value
      ? `full Outlook shows the IM button; ${owa.reason}`
      : 'no SIP address: neither full Outlook nor OWA shows an IM button or presence',
  );
}
