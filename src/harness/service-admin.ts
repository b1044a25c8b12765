import type { EdgeOs } from '../model/repl';
import type { AdminClient } from './admin-client';

/*
 * Each mock's own admin routes as typed calls, so steps never spell an admin URL. The shared routes
 * (health, reset, clock, journal, faults, data) are AdminClient's own.
 */

/** What the Edge reports of itself (GET /__admin/status). */
export interface EdgeStatus {
  os: EdgeOs;
  store: { count: number };
  stores: { root: number; intermediate: number; clientAuthIssuers: number };
  issuerList: {
    /** The store Schannel named: Root, or the Client Authentication Issuers store (2012). */
    source: 'Root' | 'ClientAuthIssuer';
    sent: number;
    bytes: number;
    truncated: boolean;
    sendsList: boolean;
  };
  replica: { version: number } | null;
  events: Array<{ id: number; message: string }>;
}

/** The Edge mock (mocks/edge/admin-routes.ts): its registry value, its restart, its Root store. */
export class EdgeAdmin {
  constructor(private readonly admin: AdminClient) {}

  /** HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\SendTrustedIssuerList; null deletes it. */
  setSendTrustedIssuerList(value: number | null) {
    return this.admin.call('PUT', '/__admin/registry', { SendTrustedIssuerList: value });
  }

  /** How this Edge differs from the notes' (until the next reset): see mocks/edge/mechanism-faults.ts. */
  setMechanism(facts: { registryReadLive?: boolean }) {
    return this.admin.call('PUT', '/__admin/mechanism', facts);
  }

  /** A restart of the Edge: Schannel reads the registry value again. */
  restart() {
    return this.admin.call('POST', '/__admin/restart');
  }

  /** Replaces the Trusted Root store (PEM certificates). */
  setRoots(roots: string[]) {
    return this.admin.call('PUT', '/__admin/roots', { roots });
  }

  /** Replaces what was added to the Intermediate CA store, or the Client Authentication Issuers store. */
  setStores(stores: { intermediate?: string[]; clientAuthIssuers?: string[] }) {
    return this.admin.call('PUT', '/__admin/stores', stores);
  }

  status() {
    return this.admin.call<EdgeStatus>('GET', '/__admin/status');
  }

  /** The store the issuer list is built from, name by name (DER, base64) with its bytes on the wire. */
  issuerListLayout() {
    return this.admin.call<IssuerListLayout>('GET', '/__admin/issuer-list');
  }
}

export interface IssuerListLayout {
  source: 'Root' | 'ClientAuthIssuer';
  sendsList: boolean;
  /** How many of the names the list carries. */
  sent: number;
  names: Array<{ der: string; bytes: number }>;
}

/** The Exchange mock (mocks/exchange/index.ts): its OAB schedule and its recipients. */
export class ExchangeAdmin {
  constructor(private readonly admin: AdminClient) {}

  /** The OAB generation and distribution schedule: `exchange2010` or `exchange2013`. */
  setOabSchedule(profile: string) {
    return this.admin.call('PUT', '/__admin/oab/schedule', { profile });
  }

  /** How this tenant differs from the notes' (until the next reset): see mocks/exchange/mechanism-faults.ts. */
  setMechanism(facts: {
    oabWithoutContacts?: boolean;
    signInBySipAddress?: boolean;
    autodiscoverUnknownDomain?: boolean;
    distributionPollMinutes?: number;
    diffRetentionDays?: number;
    diffsFromWrongBase?: boolean;
    oabNotWebDistributed?: boolean;
  }) {
    return this.admin.call('PUT', '/__admin/mechanism', facts);
  }

  /** Adds or replaces recipients (matched by DN); the OAB sees them at its next generation. */
  upsertRecipients(recipients: unknown[]) {
    return this.admin.call('POST', '/__admin/recipients', recipients);
  }
}

/** The Lync Online mock (mocks/lync-online/index.ts): followers other users already have. */
export class LyncOnlineAdmin {
  constructor(private readonly admin: AdminClient) {}

  /** People who already follow each publisher's presence, by SIP address, until the next reset. */
  setFollowers(counts: Record<string, number>) {
    return this.admin.call('PUT', '/__admin/followers', counts);
  }

  /** How this tenant differs from the notes' (until the next reset): see mocks/lync-online/mechanism-faults.ts. */
  setMechanism(facts: { owaResolvesContacts?: boolean; federationOff?: boolean }) {
    return this.admin.call('PUT', '/__admin/mechanism', facts);
  }

  /** Other quotas than Lync Online's (contacts, subscriptions, categories per publisher), until the next reset. */
  setLimits(limits: { maxContacts?: number; maxSubscriptions?: number; maxCategorySubscription?: number }) {
    return this.admin.call('PUT', '/__admin/limits', limits);
  }
}

/** A domain controller (the mock DC or Samba's): account passwords. */
export class DirectoryAdmin {
  constructor(private readonly admin: AdminClient) {}

  /** `default` for every account, `accounts` by name (DN, UPN or sAMAccountName). */
  setPasswords(passwords: { default?: string; accounts?: Record<string, string> }) {
    return this.admin.call('PUT', '/__admin/passwords', passwords);
  }

  /** How this DC differs from AD as the notes assume it (until the next reset): see mocks/ldap/mechanism-faults.ts. */
  setMechanism(facts: {
    maxValRange?: number;
    withoutLyncSchema?: boolean;
    lyncAdminsWithoutUserRights?: boolean;
  }) {
    return this.admin.call('PUT', '/__admin/mechanism', facts);
  }
}

/** The pool mock (mocks/lync-fe): the Address Book Service's content, as the User Replicator read it. */
export class PoolAdmin {
  constructor(private readonly admin: AdminClient) {}

  /** How this pool differs from the notes' (until the next reset): see mocks/lync-fe/mechanism-faults.ts. */
  setMechanism(facts: {
    provisioningRootOnly?: boolean;
    registrarSendsChain?: boolean;
    registrarRefusesUser?: boolean;
    registrarNotRestarted?: boolean;
    addressBookNotReplicated?: boolean;
  }) {
    return this.admin.call('PUT', '/__admin/mechanism', facts);
  }

  setAddressBook(
    entries: Array<{ displayName: string; sip: string; mail?: string; kind: 'user' | 'contact' }>,
  ) {
    return this.admin.call('PUT', '/__admin/address-book', { entries });
  }
}
