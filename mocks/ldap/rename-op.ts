import { DnSyntaxError, dnKey, formatDn, parseDn } from '../../src/tenant/dn';
import { CODE, ENTRY_EXISTS, invalidDn, LdapError, noSuchObject } from './ad-errors';
import type { DirectoryState } from './directory-state';
import { requestKey } from './dn-keys';
import { spell } from './schema';
import type { Session } from './session';
import { checkRights, existing, requireBound, unlinkMember } from './write-guards';

/** modifyDN: a new RDN, optionally under a new parent; the groups listing the object follow it. */
export function renameEntry(
  state: DirectoryState,
  session: Session,
  dn: string,
  newRdn: string,
  superior?: string,
): void {
  requireBound(session);
  const dit = state.dit;
  const stored = existing(state, dn);
  checkRights(state, session, stored, []);
  if (dit.children.get(stored.key)?.size)
    throw new LdapError(
      CODE.unwillingToPerform,
      '[mock:ldap] moving an object that has children is not supported',
    );
  const parentKey = superior === undefined ? stored.parent : requestKey(superior);
  const parent = dit.byDn.get(parentKey);
  if (!parent) throw noSuchObject(dit.closestExisting(parentKey));
  const rdn = singleRdn(newRdn);
  const newDn = `${formatDn([[rdn]])},${parent.dn}`;
  if (dit.byDn.has(dnKey(newDn)) && dnKey(newDn) !== stored.key) throw ENTRY_EXISTS;
  const { when, usn } = state.stamp();
  const moved = stored.entry
    .clone(newDn)
    .set('distinguishedName', [newDn])
    .set('name', [rdn.value])
    .set(spell(rdn.type), [rdn.value])
    .set('whenChanged', [when])
    .set('uSNChanged', [usn]);
  unlinkMember(state, stored, newDn);
  state.remove(stored);
  state.insert(moved, stored.id);
}

/** The new RDN of a modifyDN: one attribute and value (`CN=Renée Roy`, any escaping). */
function singleRdn(text: string): { type: string; value: string } {
  try {
    const rdns = parseDn(text);
    if (rdns.length === 1 && rdns[0].length === 1) return rdns[0][0];
  } catch (error) {
    if (!(error instanceof DnSyntaxError)) throw error;
  }
  throw invalidDn(text);
}
