import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AutodiscoverRecords } from '../../src/clients/exchange/autodiscover';
import { type OutlookMode, OutlookSimulator } from '../../src/clients/exchange/outlook';
import type { SeededCloud } from '../../src/harness/cloud-directory';
import type { DataSpace } from '../../src/harness/data-space';
import type { StartedService } from '../../src/harness/service-set';
import { cloudDirectoryView, hiddenFromAddressLists } from '../../src/model/srch';
import type { DirectoryEntry } from '../../src/tenant/entry';
import { forestByRole, type Tenant } from '../../src/tenant/tenant';
import type { HarnessWorld } from '../support/world';

/** Steps that may be a worker's first: they seed the cloud directory (DirSync over LDAP of the whole tenant). */
export const SEED_TIMEOUT_MS = 10 * 60_000;

const views = new WeakMap<Tenant, ReturnType<typeof cloudDirectoryView>>();

/** The model's cloud directory for a tenant (computed once: it is pure). */
export function modelDirectory(tenant: Tenant) {
  let view = views.get(tenant);
  if (!view) {
    view = cloudDirectoryView(forestByRole(tenant, 'online').entries);
    views.set(tenant, view);
  }
  return view;
}

/**
 * Per-scenario state shared by the SRCH and OAB steps, in one data space (the fixtures for the rule
 * examples, the tenant for its checks): the Exchange mock seeded with what DirSync exported over LDAP,
 * this scenario's Autodiscover records, and Outlook profiles.
 */
export class ExchangeContext {
  exchange!: StartedService;
  /** The users DirSync exported (its contacts went to Exchange only). */
  users: DirectoryEntry[] = [];
  records: AutodiscoverRecords = {};
  outlooks = new Map<string, OutlookSimulator>();
  private cloud?: SeededCloud;
  /** Called after every scheduled Outlook check (the OAB steps watch when a change reaches the local OAB). */
  afterCheck: (outlook: OutlookSimulator, at: number) => void = () => {};

  constructor(readonly space: DataSpace) {}

  async ready(): Promise<this> {
    if (this.cloud) return this;
    this.cloud = await this.space.cloud();
    this.exchange = this.cloud.exchange;
    this.users = this.cloud.users;
    this.records = this.cloud.records();
    return this;
  }

  get password(): string {
    return this.cloud!.password;
  }

  person(name: string): DirectoryEntry {
    const found = this.users.find((e) => e.first('displayName') === name);
    if (!found)
      throw new Error(`[steps:exchange] "${name}" is not a user DirSync exported to the cloud directory`);
    return found;
  }

  /** Licensed Lync Online users: exported users with a SIP address (the UCS). */
  licensedUsers(): DirectoryEntry[] {
    return this.users.filter(
      (e) =>
        e.has('msRTCSIP-PrimaryUserAddress') &&
        e.first('msRTCSIP-UserEnabled')?.toUpperCase() !== 'FALSE' &&
        !hiddenFromAddressLists(e),
    );
  }

  /** Lync signs in with the SIP address; OWA with the mailbox's own address. */
  signIn(user: DirectoryEntry, withMailbox = false) {
    const sip = user.first('msRTCSIP-PrimaryUserAddress') ?? user.first('mail')!;
    const address = withMailbox ? user.first('mail')! : sip.replace(/^sip:/i, '');
    return { signInAddress: address, password: this.password, records: this.records };
  }

  newOutlook(
    user: DirectoryEntry,
    version: 2010 | 2013,
    mode: OutlookMode,
    createdAt: number,
  ): OutlookSimulator {
    const outlook = new OutlookSimulator(
      {
        version,
        mode,
        profileDir: mkdtempSync(join(tmpdir(), 'outlook-profile-')),
        mailAddress: user.first('mail')!,
        credentials: { login: user.first('mail')!, password: this.password },
        records: this.records,
      },
      createdAt,
    );
    this.outlooks.set(user.first('displayName')!, outlook);
    return outlook;
  }

  /**
   * Moves the virtual clock to `target`, stopping at every scheduled Outlook check on the way, so
   * the mock's OAB schedule and Outlook's download cycle interleave as they would in real time.
   */
  async advanceTo(target: number): Promise<void> {
    for (;;) {
      const cached = [...this.outlooks.values()].filter((o) => o.options.mode === 'cached');
      const next = cached.sort((a, b) => a.nextCheckAt() - b.nextCheckAt())[0];
      if (!next || next.nextCheckAt() > target) break;
      const at = next.nextCheckAt();
      await this.exchange.admin.setClock(new Date(at));
      await next.checkOab(at);
      this.afterCheck(next, at);
    }
    await this.exchange.admin.setClock(new Date(target));
  }

  async now(): Promise<number> {
    return (await this.exchange.admin.now()).getTime();
  }
}

/** The rule examples' Exchange context (the fixtures' space). */
export const exchangeContext = (w: HarnessWorld) => w.area('exchange', () => new ExchangeContext(w.fixtures));

/** The tenant checks' Exchange context (the tenant's space). */
export const tenantExchange = (w: HarnessWorld) =>
  w.area('tenant-exchange', () => new ExchangeContext(w.tenantSpace));
