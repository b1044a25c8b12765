import { CATEGORIES_PER_SUBSCRIPTION, type Directory, type Limits, type Person } from './directory';
import { LYNC_ONLINE_MECHANISM, type LyncOnlineMechanism } from './mechanism-faults';

export type SubscriptionResult =
  | { uri: string; state: 'active'; availability: string }
  | {
      uri: string;
      state: 'terminated';
      reason: 'quotaExceeded';
      statusCode: 413;
      msDiagCode: 2012;
      message: string;
    }
  | { uri: string; state: 'terminated'; reason: 'noresource'; statusCode: 404; message: string };

const FOLLOWERS_REACHED = 'Maximum Followers Reached';

/**
 * Lync Online's User Services for one tenant: pinned contact lists, presence subscriptions (batchSub of
 * five categories), the per-user and per-publisher quotas, and instant messages.
 */
export class PresenceService {
  private contacts = new Map<string, string[]>();
  /** Active subscriptions: watcher -> publishers. */
  private subscriptions = new Map<string, Set<string>>();
  /** Refused subscriptions: watcher -> publishers it asked for and was refused. */
  private refused = new Map<string, Set<string>>();
  private followers = new Map<string, number>();
  /** The quotas in force: the directory's, until an admin call changes them (until the next reset). */
  private limits: Limits;

  constructor(
    readonly directory: Directory,
    private readonly mechanism: () => Readonly<LyncOnlineMechanism> = () => LYNC_ONLINE_MECHANISM,
  ) {
    for (const [sip, count] of Object.entries(directory.existingFollowers))
      this.followers.set(sip.toLowerCase(), count);
    this.limits = { ...directory.limits };
  }

  /** Other quotas than Lync Online's (a deployment configured otherwise), until the next reset. */
  setLimits(limits: Partial<Limits>): Limits {
    this.limits = { ...this.limits, ...limits };
    return this.limits;
  }

  /** Other users who already follow a publisher (until the next reset). */
  setFollowers(sip: string, count: number): void {
    this.followers.set(sip.toLowerCase(), count);
  }

  person(sip: string): Person | undefined {
    return this.directory.people.find((p) => p.sip === sip.toLowerCase());
  }

  /** Who is signed in at a person's address, as this tenant reaches them: a partner's only through federation. */
  private endpoint(sip: string): string | undefined {
    const person = this.person(sip);
    if (person?.kind === 'contact' && this.mechanism().federationOff) return undefined;
    return person?.endpoint;
  }

  search(query: string): Person[] {
    const q = query.toLowerCase();
    return this.directory.people.filter(
      (p) =>
        p.name
          .toLowerCase()
          .split(' ')
          .some((w) => w.startsWith(q)) || p.name.toLowerCase().startsWith(q),
    );
  }

  /** Tenant users only: what OWA's Lync integration can resolve by mail (every recipient, where it is built so). */
  tenantUserByMail(mail: string): Person | undefined {
    const anyone = this.mechanism().owaResolvesContacts;
    return this.directory.people.find((p) => (anyone || p.kind === 'user') && p.mail === mail.toLowerCase());
  }

  byMail(mail: string): Person | undefined {
    return this.directory.people.find((p) => p.mail === mail.toLowerCase());
  }

  contactList(me: string): string[] {
    return this.contacts.get(me) ?? [];
  }

  addContact(me: string, uri: string): { added: boolean; count: number; message?: string } {
    const list = this.contactList(me);
    if (list.includes(uri)) return { added: true, count: list.length };
    if (list.length >= this.limits.maxContacts)
      return {
        added: false,
        count: list.length,
        message: `The contact list is full (${this.limits.maxContacts} contacts).`,
      };
    this.contacts.set(me, [...list, uri]);
    return { added: true, count: list.length + 1 };
  }

  subscribe(me: string, uri: string): SubscriptionResult {
    const target = uri.toLowerCase();
    const active = this.subscriptions.get(me) ?? new Set<string>();
    this.subscriptions.set(me, active);
    if (active.has(target))
      return { uri: target, state: 'active', availability: this.endpoint(target) ?? 'Unknown' };
    const categories = ((this.followers.get(target) ?? 0) + 1) * CATEGORIES_PER_SUBSCRIPTION.length;
    if (active.size >= this.limits.maxSubscriptions || categories > this.limits.maxCategorySubscription) {
      const refused = this.refused.get(me) ?? new Set<string>();
      refused.add(target);
      this.refused.set(me, refused);
      return {
        uri: target,
        state: 'terminated',
        reason: 'quotaExceeded',
        statusCode: 413,
        msDiagCode: 2012,
        message: FOLLOWERS_REACHED,
      };
    }
    active.add(target);
    this.followers.set(target, (this.followers.get(target) ?? 0) + 1);
    // Presence comes from whoever is signed in at the address; nobody there means Unknown.
    return { uri: target, state: 'active', availability: this.endpoint(target) ?? 'Unknown' };
  }

  /** What the watcher sees for a publisher right now. */
  presence(me: string, uri: string): { availability: string; message?: string } {
    const target = uri.toLowerCase();
    if (this.subscriptions.get(me)?.has(target)) return { availability: this.endpoint(target) ?? 'Unknown' };
    if (this.refused.get(me)?.has(target)) return { availability: 'Unknown', message: FOLLOWERS_REACHED };
    return { availability: 'Unknown', message: 'Not subscribed' };
  }

  activeSubscriptions(me: string): number {
    return this.subscriptions.get(me)?.size ?? 0;
  }

  /** An IM is delivered when someone is signed in at the address (presence quotas do not apply). */
  sendMessage(to: string): { delivered: boolean; status: number } {
    return this.endpoint(to) ? { delivered: true, status: 201 } : { delivered: false, status: 480 };
  }
}
