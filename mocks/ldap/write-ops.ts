import { parentKey, rdnOf } from '../../src/tenant/dn';
import { DirectoryEntry } from '../../src/tenant/entry';
import { CODE, ENTRY_EXISTS, LdapError, noSuchObject } from './ad-errors';
import type { Change } from './change';
import type { DirectoryState } from './directory-state';
import { requestKey, storedDn, valueKey } from './dn-keys';
import { checkSchema, SYSTEM_ONLY, spell, systemOnly } from './schema';
import type { Session } from './session';
import { checkRights, existing, linkedDns, requireBound, unlinkMember } from './write-guards';

export { renameEntry } from './rename-op';

export function addEntry(state: DirectoryState, session: Session, dn: string, attrs: Change[]): void {
  const dit = state.dit;
  requireBound(session);
  const key = requestKey(dn);
  if (dit.byDn.has(key)) throw ENTRY_EXISTS;
  if (!dit.byDn.has(parentKey(key))) throw noSuchObject(dit.closestExisting(key));
  const entry = new DirectoryEntry(storedDn(dn));
  for (const a of attrs) {
    if (SYSTEM_ONLY.has(a.name.toLowerCase())) throw systemOnly(a.name);
    for (const v of a.values) entry.add(spell(a.name), v);
  }
  const rdn = rdnOf(entry.dn);
  if (!entry.has(rdn.type)) entry.set(spell(rdn.type), [rdn.value]);
  checkSchema(entry);
  if (entry.has('member')) entry.set('member', linkedDns(state, entry.texts('member')));
  checkRights(state, session, undefined, attrs);
  state.create(entry);
}

export function modifyEntry(state: DirectoryState, session: Session, dn: string, changes: Change[]): void {
  requireBound(session);
  const stored = existing(state, dn);
  for (const c of changes) if (SYSTEM_ONLY.has(c.name.toLowerCase())) throw systemOnly(c.name);
  checkRights(state, session, stored, changes);
  const after = stored.entry.clone();
  for (const c of changes) {
    const linked = c.name.toLowerCase() === 'member' && c.operation !== 'delete';
    applyChange(after, linked ? { ...c, values: linkedDns(state, c.values.map(String)) } : c);
  }
  checkSchema(after);
  for (const name of new Set(changes.map((c) => c.name.toLowerCase())))
    state.replace(
      stored,
      after.names().find((n) => n.toLowerCase() === name) ?? spell(name),
      after.get(name),
    );
  state.touch(stored);
}

/** One change of a modify; values compare as AD compares them (DN values as DNs, text without case). */
function applyChange(entry: DirectoryEntry, c: Change): void {
  const name = spell(c.name);
  const key = name.toLowerCase();
  const have = new Set(entry.get(name).map((v) => valueKey(key, v)));
  if (c.operation === 'replace') entry.set(name, c.values);
  else if (c.operation === 'add') {
    for (const v of c.values) {
      if (have.has(valueKey(key, v)))
        throw new LdapError(
          CODE.attributeOrValueExists,
          `00002083: AtrErr: DSID-03151818, #1: 0: 00002083: ${name}`,
        );
      entry.add(name, v);
    }
  } else {
    const drop = new Set(c.values.map((v) => valueKey(key, v)));
    if (!entry.has(name) || [...drop].some((k) => !have.has(k)))
      throw new LdapError(CODE.noSuchAttribute, `00002A30: AtrErr: DSID-03152D2C, #1: 0: 00002A30: ${name}`);
    entry.set(name, drop.size ? entry.get(name).filter((v) => !drop.has(valueKey(key, v))) : []);
  }
}

export function deleteEntry(state: DirectoryState, session: Session, dn: string): void {
  requireBound(session);
  const stored = existing(state, dn);
  checkRights(state, session, stored, []);
  if (state.dit.children.get(stored.key)?.size)
    throw new LdapError(
      CODE.notAllowedOnNonLeaf,
      '00002015: UpdErr: DSID-031A1236, problem 6003 (CANT_ON_NON_LEAF), data 0',
    );
  unlinkMember(state, stored, undefined);
  state.remove(stored);
}
