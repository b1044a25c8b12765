import type { DirectoryEntry } from '../tenant/entry';
import { contactsOf, forestByRole, type Tenant, usersOf } from '../tenant/tenant';

/** A person as the lync-online mock loads them (PUT /__admin/data { people }). */
export interface LyncOnlinePerson {
  name: string;
  mail: string;
  sip?: string;
  kind: 'user' | 'contact';
  /** The availability of whoever is signed in at this SIP address; absent when it reaches no one. */
  endpoint?: string;
}

const SIP = /^sip:[^@\s]+@[^@\s]+$/i;
const ACCOUNT_DISABLED = 2;

/**
 * Lync Online's directory for a tenant: the online forest's mail-enabled users (Lync-enabled ones are
 * signed in) and its mail contacts, whose SIP address reaches someone when a Lync-enabled user of
 * either forest holds it (the partner forest's Lync, federated). `presence` gives the availability of
 * some signed-in people by SIP address; everyone else signed in is Available.
 */
export function lyncOnlineDirectory(
  tenant: Tenant,
  presence: Record<string, string> = {},
): LyncOnlinePerson[] {
  const online = forestByRole(tenant, 'online');
  const signedIn = new Set(
    tenant.forests.flatMap((f) => usersOf(f).filter(lyncEnabled)).map((u) => sipOf(u)!.toLowerCase()),
  );
  const endpointOf = (sip: string | undefined) =>
    sip && signedIn.has(sip.toLowerCase()) ? (presence[sip.toLowerCase()] ?? 'Available') : undefined;
  const person = (entry: DirectoryEntry, kind: LyncOnlinePerson['kind']): LyncOnlinePerson => {
    const sip = sipOf(entry);
    const endpoint = endpointOf(sip);
    return {
      name: entry.first('displayName') || entry.first('cn') || entry.first('mail')!,
      mail: entry.first('mail')!,
      kind,
      ...(sip ? { sip } : {}),
      ...(endpoint ? { endpoint } : {}),
    };
  };
  return [
    ...usersOf(online)
      .filter((u) => u.first('mail'))
      .map((u) => person(u, 'user')),
    ...contactsOf(online)
      .filter((c) => c.first('mail'))
      .map((c) => person(c, 'contact')),
  ];
}

function sipOf(entry: DirectoryEntry): string | undefined {
  const sip = entry.first('msRTCSIP-PrimaryUserAddress');
  return sip && SIP.test(sip) ? sip : undefined;
}

/** A user who can sign in to Lync: a SIP address, Lync not switched off, the account not disabled. */
function lyncEnabled(user: DirectoryEntry): boolean {
  const disabled = Number(user.first('userAccountControl') ?? 0) & ACCOUNT_DISABLED;
  return !!sipOf(user) && user.first('msRTCSIP-UserEnabled')?.toUpperCase() !== 'FALSE' && !disabled;
}
