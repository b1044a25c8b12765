import type { FaultPlan, Journal, JournalInput, VirtualClock } from '../admin';
import { bySmtp, type Recipient } from './directory';
import { OabStore } from './oab-store';

export const DEFAULT_PASSWORD = 'Pa55w.rd';

/** Everything the Exchange mock's handlers share: the cloud directory, the OAB pipeline, the kit. */
export class ExchangeState {
  /** The directory as last loaded through PUT /__admin/data: what reset restores. */
  fixtures: Recipient[] = [];
  recipients: Recipient[] = [];
  password = DEFAULT_PASSWORD;
  readonly oab = new OabStore();

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
        () => this.recipients,
        (step) =>
          journal.record({
            operation: `oab.${step.kind}`,
            request: { scheduledAt: new Date(step.at).toISOString(), profile: this.oab.profile.name },
            outcome: { sequence: step.sequence, records: step.records, copied: step.copied },
          }),
      ),
    );
  }

  load(recipients: Recipient[], password?: string): void {
    this.fixtures = recipients;
    if (password) this.password = password;
    this.reset();
  }

  reset(): void {
    this.recipients = this.fixtures;
    this.oab.restart(this.fixtures, this.clock.millis());
  }

  /** Adds or replaces one recipient (matched by DN) in the live directory; the OAB sees it at its next generation. */
  upsert(recipient: Recipient): void {
    const key = recipient.dn.toLowerCase();
    this.recipients = [...this.recipients.filter((r) => r.dn.toLowerCase() !== key), recipient];
  }

  remove(dn: string): boolean {
    const before = this.recipients.length;
    this.recipients = this.recipients.filter((r) => r.dn.toLowerCase() !== dn.toLowerCase());
    return this.recipients.length < before;
  }

  /** The Unified Contact Store: licensed Lync Online users (mailboxes with a SIP address), never contacts. */
  ucs(): Recipient[] {
    return this.recipients.filter((r) => r.kind === 'mailbox' && r.sip);
  }

  /** A mailbox user by sign-in name: UPN or any of its SMTP addresses. */
  mailboxUser(login: string): Recipient | undefined {
    const lower = login.toLowerCase();
    const mailbox = this.recipients.filter((r) => r.kind === 'mailbox');
    return mailbox.find((r) => r.userPrincipalName?.toLowerCase() === lower) ?? bySmtp(mailbox, login);
  }

  record(input: JournalInput): void {
    this.journal.record(input);
  }
}
