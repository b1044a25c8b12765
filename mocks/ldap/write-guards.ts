import { insufficientRights, NOT_BOUND, noSuchObject } from './ad-errors';
import type { Change } from './change';
import type { DirectoryState } from './directory-state';
import type { StoredEntry } from './dit';
import { keyOrUndefined, requestKey } from './dn-keys';
import { matches, RULE_IN_CHAIN } from './filter';
import { checkWriteByMechanism } from './mechanism-faults';
import type { Session } from './session';

/** Lync's own attributes: only RTCUniversalServerAdmins (or the Administrator) may write them. */
const LYNC_ADMINS = 'RTCUniversalServerAdmins';

export function requireBound(session: Session): void {
  if (session.principal.kind === 'anonymous') throw NOT_BOUND;
}

/** The object a request names, in any spelling of its DN; noSuchObject when there is none. */
export function existing(state: DirectoryState, dn: string): StoredEntry {
  const key = requestKey(dn);
  const stored = state.dit.byDn.get(key);
  if (!stored) throw noSuchObject(state.dit.closestExisting(key));
  return stored;
}

/**
 * member values as AD stores them: links to existing objects, returned in each object's own DN
 * (a client writing `cn=anna berg,...` reads back `CN=Anna Berg,...`).
 */
export function linkedDns(state: DirectoryState, values: string[]): string[] {
  return values.map((value) => existing(state, value).dn);
}

/** The mock's ACL: msRTCSIP-* attributes of users are writable by RTCUniversalServerAdmins members only. */
export function checkRights(
  state: DirectoryState,
  session: Session,
  target: StoredEntry | undefined,
  changes: Change[],
): void {
  checkWriteByMechanism(state.mechanism.values, session.principal, target, changes);
  if (session.principal.kind !== 'account') return;
  const lync = changes.some((c) => c.name.toLowerCase().startsWith('msrtcsip-'));
  if (!lync || (target && !target.entry.isA('user'))) return;
  const me = state.dit.get(session.principal.dn);
  const admins = state.dit.indexes.get('samaccountname')!.equal(LYNC_ADMINS.toLowerCase())[0];
  const allowed =
    me &&
    admins &&
    matches(
      { kind: 'extensible', attribute: 'memberof', rule: RULE_IN_CHAIN, value: admins.dn },
      me,
      state.dit,
    );
  if (!allowed) throw insufficientRights(`${session.principal.dn} may not write Lync attributes`);
}

/** member is a linked attribute: deleting or renaming an object updates the groups that list it. */
export function unlinkMember(
  state: DirectoryState,
  stored: StoredEntry,
  renamedTo: string | undefined,
): void {
  for (const group of state.dit.memberOf(stored)) {
    const kept = group.entry.texts('member').filter((m) => keyOrUndefined(m) !== stored.key);
    state.replace(group, 'member', renamedTo ? [...kept, renamedTo] : kept);
  }
}
