import { MechanismSwitches } from '../admin';
import type { OabScheduleProfile } from './oab-schedule';

/**
 * Ways an Exchange Online tenant can differ from the notes' (`PUT /__admin/mechanism`, until the next
 * reset), for `lync-harness selftest`: each is a deployment someone could have.
 */
export const EXCHANGE_MECHANISM = {
  /** The OAB is generated from an address list of mailboxes only, so no mail contact is in it. */
  oabWithoutContacts: false,
  /** Basic sign-in also accepts a user's SIP address as the sign-in name. */
  signInBySipAddress: false,
  /** Autodiscover does not know the tenant's domain: every address gets error 500. */
  autodiscoverUnknownDomain: false,
  /** The OAB virtual directory's PollInterval (Set-OabVirtualDirectory), from the 03:00 phase. */
  distributionPollMinutes: 480,
  /** How many days each generation's differential file stays on the virtual directory (30: KB832761). */
  diffRetentionDays: 30,
  /**
   * The OAB is not offered for web-based distribution (no virtual directory serves it: Exchange 2010's
   * Set-OfflineAddressBook -VirtualDirectories $null), so Autodiscover names no OAB URL and Outlook
   * cannot download it (its Send/Receive error 0x8004010F).
   */
  oabNotWebDistributed: false,
  /** The OAB generator makes its differential files from a copy of the last OAB that is not the one it published. */
  diffsFromWrongBase: false,
};

export type ExchangeMechanism = typeof EXCHANGE_MECHANISM;

/** A schedule's distribution polls at another PollInterval (none stays none: Exchange 2013 does not poll). */
export function withPollInterval(profile: OabScheduleProfile, minutes: number): OabScheduleProfile {
  if (profile.distributionMinutes.length === 0 || minutes === EXCHANGE_MECHANISM.distributionPollMinutes)
    return profile;
  const first = profile.distributionMinutes[0];
  const polls: number[] = [];
  for (let m = first; m < first + 24 * 60; m += minutes) polls.push(m % (24 * 60));
  return { ...profile, distributionMinutes: polls.sort((a, b) => a - b) };
}

export function exchangeMechanism(changed: (now: ExchangeMechanism) => void) {
  return new MechanismSwitches('exchange', EXCHANGE_MECHANISM, changed);
}
