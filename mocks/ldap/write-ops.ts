import { type AttributeValue, DirectoryEntry } from '../../src/tenant/entry';
import { CODE, ENTRY_EXISTS, insufficientRights, LdapError, NOT_BOUND, noSuchObject } from './ad-errors';
import type { DirectoryState } from './directory-state';
import { parentOf, type StoredEntry, withOperationalAttributes } from './dit';
import { matches, normalizeDn, RULE_IN_CHAIN } from './filter';
import { checkSchema, defaultCategory, SYSTEM_ONLY, spell, systemOnly } from './schema';
import type { Session } from './session';

export interface Change {
  operation: 'add' | 'replace' | 'delete';
  name: string;
  values: AttributeValue[];
}

/** Lync's own attributes: only RTCUniversalServerAdmins (or the Administrator) may write them. */
const LYNC_ADMINS = 'RTCUniversalServerAdmins';

export function addEntry(state: DirectoryState, session: Session, dn: string, attrs: Change[]): void {
  const dit = state.dit;
  requireBound(session);
  if (dit.get(dn)) throw ENTRY_EXISTS;
  const parent = parentOf(normalizeDn(dn));
  if (!dit.byDn.has(parent)) throw noSuchObject(dit.baseDn);
  const entry = new DirectoryEntry(dn);
  for (const a of attrs) {
    if (SYSTEM_ONLY.has(a.name.toLowerCase())) throw systemOnly(a.name);
    for (const v of a.values) entry.add(spell(a.name), v);
  }
  const rdn = /^\s*cn\s*=\s*((?:\\.|[^,\\])*)/i.exec(dn)?.[1];
  if (rdn && !entry.has('cn')) entry.set('cn', [rdn.replace(/\\(.)/g, '$1')]);
  checkSchema(entry);
  checkMembers(state, entry.texts('member'));
  checkRights(state, session, undefined, attrs);
  const category = defaultCategory(entry, dit.baseDn);
  if (category && !entry.has('objectCategory')) entry.set('objectCategory', [category]);
  state.insert(withOperationalAttributes(entry));
}

export function modifyEntry(state: DirectoryState, session: Session, dn: string, changes: Change[]): void {
  requireBound(session);
  const stored = existing(state, dn);
  for (const c of changes) if (SYSTEM_ONLY.has(c.name.toLowerCase())) throw systemOnly(c.name);
  checkRights(state, session, stored, changes);
  const after = stored.entry.clone();
  for (const c of changes) applyChange(after, c);
  checkSchema(after);
  for (const c of changes)
    if (c.name.toLowerCase() === 'member' && c.operation !== 'delete')
      checkMembers(state, c.values.map(String));
  for (const name of new Set(changes.map((c) => c.name.toLowerCase())))
    state.replace(
      stored,
      after.names().find((n) => n.toLowerCase() === name) ?? spell(name),
      after.get(name),
    );
}

function applyChange(entry: DirectoryEntry, c: Change): void {
  const name = spell(c.name);
  if (c.operation === 'replace') entry.set(name, c.values);
  else if (c.operation === 'add') {
    const have = new Set(entry.texts(name).map((v) => v.toLowerCase()));
    for (const v of c.values) {
      if (have.has(String(v).toLowerCase()))
        throw new LdapError(
          CODE.attributeOrValueExists,
          `00002083: AtrErr: DSID-03151818, #1: 0: 00002083: ${name}`,
        );
      entry.add(name, v);
    }
  } else {
    if (
      !entry.has(name) ||
      (c.values.length &&
        !c.values.every((v) => entry.texts(name).some((x) => x.toLowerCase() === String(v).toLowerCase())))
    )
      throw new LdapError(CODE.noSuchAttribute, `00002A30: AtrErr: DSID-03152D2C, #1: 0: 00002A30: ${name}`);
    entry.delete(name, c.values);
  }
}

export function deleteEntry(state: DirectoryState, session: Session, dn: string): void {
  requireBound(session);
  const stored = existing(state, dn);
  checkRights(state, session, stored, []);
  if (state.dit.children.get(stored.ndn)?.size)
    throw new LdapError(
      CODE.notAllowedOnNonLeaf,
      '00002015: UpdErr: DSID-031A1236, problem 6003 (CANT_ON_NON_LEAF), data 0',
    );
  unlinkMember(state, stored, undefined);
  state.remove(stored);
}

export function renameEntry(
  state: DirectoryState,
  session: Session,
  dn: string,
  newRdn: string,
  superior?: string,
): void {
  requireBound(session);
  const stored = existing(state, dn);
  checkRights(state, session, stored, []);
  if (state.dit.children.get(stored.ndn)?.size)
    throw new LdapError(
      CODE.unwillingToPerform,
      '[mock:ldap] moving an object that has children is not supported',
    );
  const parentDn = superior ?? stored.dn.slice(stored.dn.search(/(?<!\\),/) + 1);
  if (!state.dit.byDn.has(normalizeDn(parentDn))) throw noSuchObject(state.dit.baseDn);
  const newDn = `${newRdn.trim()},${parentDn}`;
  if (state.dit.get(newDn) && normalizeDn(newDn) !== stored.ndn) throw ENTRY_EXISTS;
  const value = newRdn
    .slice(newRdn.indexOf('=') + 1)
    .trim()
    .replace(/\\(.)/g, '$1');
  const moved = stored.entry.clone(newDn).set('distinguishedName', [newDn]).set('name', [value]);
  if (/^cn=/i.test(newRdn.trim())) moved.set('cn', [value]);
  unlinkMember(state, stored, newDn);
  state.remove(stored);
  state.insert(moved, stored.id);
}

/** member is a linked attribute: deleting or renaming an object updates the groups that list it. */
function unlinkMember(state: DirectoryState, stored: StoredEntry, renamedTo: string | undefined): void {
  for (const group of state.dit.memberOf(stored)) {
    const kept = group.entry.texts('member').filter((m) => normalizeDn(m) !== stored.ndn);
    state.replace(group, 'member', renamedTo ? [...kept, renamedTo] : kept);
  }
}

function existing(state: DirectoryState, dn: string): StoredEntry {
  const stored = state.dit.get(dn);
  if (!stored) throw noSuchObject(state.dit.baseDn);
  return stored;
}

function requireBound(session: Session): void {
  if (session.principal.kind === 'anonymous') throw NOT_BOUND;
}

function checkMembers(state: DirectoryState, members: string[]): void {
  const missing = members.find((m) => !state.dit.get(m));
  if (missing) throw noSuchObject(state.dit.baseDn);
}

/** The mock's ACL: msRTCSIP-* attributes of users are writable by RTCUniversalServerAdmins members only. */
function checkRights(
  state: DirectoryState,
  session: Session,
  target: StoredEntry | undefined,
  changes: Change[],
): void {
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
