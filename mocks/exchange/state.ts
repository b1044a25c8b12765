import { type FaultPlan, type Journal, type JournalInput, ownSummary, type VirtualClock } from '../admin';
import type { Recipient } from './directory';
import { exchangeMechanism, withPollInterval } from './mechanism-faults';
import { OAB_SCHEDULES, type OabScheduleProfile } from './oab-schedule';
import { OabStore } from './oab-store';

export const DEFAULT_PASSWORD = 'Pa55w.rd';

/** Everything the Exchange mock's handlers share: the cloud directory, the OAB pipeline, the kit. */
export class ExchangeState {
  /** The directory as last loaded through PUT /__admin/data: what reset restores. */
  fixtures: Recipient[] = [];
  private live: Recipient[] = [];
  /** Sign-in names (UPN, every SMTP address) of mailboxes, and the UCS: rebuilt when the directory changes. */
  private index?: { logins: Map<string, Recipient>; ucs: Recipient[] };
  password = DEFAULT_PASSWORD;
  readonly oab = new OabStore();
  /** How this tenant differs from the notes' (selftest): the OAB and the sign-in index follow it. */
  readonly mechanism = exchangeMechanism(() => {
    const profile = this.oab.profile.name;
    this.index = undefined;
    this.oab.restart(this.oabAddressList(), this.clock.millis());
    this.setOabSchedule(profile);
  });

  constructor(
    readonly clock: VirtualClock,
    readonly journal: Journal,
    readonly faults: FaultPlan,
  ) {
    this.oab.restart([], clock.millis());
    clock.onChange((from, to) =>
      this.oab.advance(
        from,
        to,
        () => this.oabAddressList(),
        (step) =>
          journal.record({
            operation: `oab.${step.kind}`,
            request: { scheduledAt: new Date(step.at).toISOString(), profile: this.oab.profile.name },
            outcome: {
              sequence: step.sequence,
              records: step.records,
              copied: step.copied,
              generations: step.generations,
            },
          }),
      ),
    );
  }

  load(recipients: Recipient[], password?: string): void {
    this.fixtures = recipients;
    if (password) this.password = password;
    this.reset();
  }

  get recipients(): Recipient[] {
    return this.live;
  }

  set recipients(value: Recipient[]) {
    this.live = value;
    this.index = undefined;
  }

  reset(): void {
    this.recipients = this.fixtures;
    this.oab.restart(this.oabAddressList(), this.clock.millis());
  }

  /**
   * Adds or replaces recipients (matched by DN) in the live directory, in one pass over it whatever
   * their number (a GAL of 100,000 copied once, not once per recipient); the OAB sees them at its
   * next generation. A DN given twice keeps its last recipient.
   */
  upsert(recipients: Recipient[]): void {
    // Each DN at the place of its last recipient, as replacing them one after another would leave them.
    const given = new Map<string, Recipient>();
    for (const r of recipients) {
      const key = r.dn.toLowerCase();
      given.delete(key);
      given.set(key, r);
    }
    this.recipients = [...this.recipients.filter((r) => !given.has(r.dn.toLowerCase())), ...given.values()];
  }

  remove(dn: string): boolean {
    const before = this.recipients.length;
    this.recipients = this.recipients.filter((r) => r.dn.toLowerCase() !== dn.toLowerCase());
    return this.recipients.length < before;
  }

  private listed?: { live: Recipient[]; list: Recipient[] };

  /**
   * The Global Address List the OAB is generated from: every recipient not hidden from address lists.
   * The same array while the directory is unchanged, so generations of one GAL share its encoded records.
   */
  addressList(): Recipient[] {
    if (this.listed?.live !== this.live)
      this.listed = { live: this.live, list: this.live.filter((r) => !r.hiddenFromAddressLists) };
    return this.listed.list;
  }

  /** The OAB schedule by profile name, at this deployment's PollInterval; undefined for an unknown profile. */
  setOabSchedule(name: string): OabScheduleProfile | undefined {
    const chosen = Object.hasOwn(OAB_SCHEDULES, name) ? OAB_SCHEDULES[name] : undefined;
    if (chosen) this.oab.profile = withPollInterval(chosen, this.mechanism.values.distributionPollMinutes);
    return chosen;
  }

  /** What the OAB is generated from: the address list, or only its mailboxes when the tenant's OAB is built so. */
  private oabAddressList(): Recipient[] {
    const list = this.addressList();
    return this.mechanism.values.oabWithoutContacts ? list.filter((r) => r.kind === 'mailbox') : list;
  }

  /** The Unified Contact Store: licensed Lync Online users (mailboxes with a SIP address), never contacts. */
  ucs(): Recipient[] {
    return this.indexed().ucs;
  }

  /** The mailbox Autodiscover answers for an address: none when the tenant's domain is unknown to it. */
  autodiscoverUser(address: string): Recipient | undefined {
    return this.mechanism.values.autodiscoverUnknownDomain ? undefined : this.mailboxUser(address);
  }

  /** A mailbox user by sign-in name: UPN or any of its SMTP addresses. */
  mailboxUser(login: string): Recipient | undefined {
    return this.indexed().logins.get(login.toLowerCase());
  }

  private indexed() {
    if (!this.index) {
      const logins = new Map<string, Recipient>();
      const mailboxes = this.live.filter((r) => r.kind === 'mailbox');
      for (const r of mailboxes) {
        for (const p of r.proxyAddresses) if (/^smtp:/i.test(p)) logins.set(p.slice(5).toLowerCase(), r);
        if (r.userPrincipalName) logins.set(r.userPrincipalName.toLowerCase(), r);
        if (r.sip && this.mechanism.values.signInBySipAddress)
          logins.set(r.sip.replace(/^sip:/i, '').toLowerCase(), r);
      }
      const licensed = mailboxes.filter((r) => r.sip && r.lyncEnabled && !r.hiddenFromAddressLists);
      this.index = { logins, ucs: licensed };
    }
    return this.index;
  }

  /** Journals a request: its summary's strings were parsed out of the request body, so they are copied. */
  record(input: JournalInput): void {
    this.journal.record({ ...input, request: ownSummary(input.request) });
  }
}
