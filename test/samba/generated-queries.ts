import { dnKey } from '../../src/tenant/dn';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { Forest } from '../../src/tenant/tenant';
import type { LdapQuery } from './ldap-answer';

const PASSWORD = 'Passw0rd!';

/**
 * The requests a client of the suite makes, asked about every object of a forest: each object read
 * whole by its DN, found by each name a client searches by (sAMAccountName, mail, SIP address, ANR on
 * its names), each group's members in chain and by range, and each account's binds (UPN, DOMAIN\user,
 * a wrong password). Names are `<family>: <what>`; the family is what an allowance may name.
 */
export function generatedQueries(forest: Forest): LdapQuery[] {
  const admin = { name: `${forest.netbios}\\Administrator`, password: PASSWORD };
  const head = dnKey(forest.baseDn);
  const out: LdapQuery[] = [];
  const search = (family: string, what: string, q: Omit<LdapQuery, 'name'>) =>
    out.push({ name: `${family}: ${what}`, bind: admin, base: forest.baseDn, ...q });
  for (const e of forest.entries.filter((x) => dnKey(x.dn) !== head)) {
    search('read by DN', e.dn, { base: e.dn, scope: 'base' });
    for (const [attribute, value] of lookups(e))
      search(`equality on ${attribute}`, value, {
        filter: `(${attribute}=${escapeValue(value)})`,
        attributes: ['cn', 'distinguishedName', 'objectCategory'],
      });
    const given = e.isA('user') ? e.first('givenName') : undefined;
    if (given) search('ANR', given, { filter: `(anr=${escapeValue(given)})`, attributes: ['cn'] });
    if (e.isA('group')) groupQueries(e, search);
    if (e.isA('user') && !e.isA('computer')) out.push(...bindQueries(forest, e));
  }
  return out;
}

function lookups(e: DirectoryEntry): Array<[string, string]> {
  return ['sAMAccountName', 'mail', 'msRTCSIP-PrimaryUserAddress']
    .map((a) => [a, e.first(a)] as [string, string | undefined])
    .filter((p): p is [string, string] => !!p[1]?.trim());
}

function groupQueries(
  group: DirectoryEntry,
  search: (family: string, what: string, q: Omit<LdapQuery, 'name'>) => void,
): void {
  search('members in chain', group.dn, {
    filter: `(memberOf:1.2.840.113556.1.4.1941:=${escapeValue(group.dn)})`,
    attributes: ['cn'],
  });
  search('direct members', group.dn, {
    filter: `(memberOf=${escapeValue(group.dn)})`,
    attributes: ['cn'],
  });
  search('member range 0-1', group.dn, { base: group.dn, scope: 'base', attributes: ['member;range=0-1'] });
}

function bindQueries(forest: Forest, user: DirectoryEntry): LdapQuery[] {
  const sam = user.first('sAMAccountName');
  const upn = user.first('userPrincipalName');
  const out: LdapQuery[] = [];
  if (upn) {
    out.push({ name: `bind by UPN: ${upn}`, bind: { name: upn, password: PASSWORD }, bindOnly: true });
    out.push({
      name: `bind, wrong password: ${upn}`,
      bind: { name: upn, password: 'wrong' },
      bindOnly: true,
    });
  }
  if (sam)
    out.push({
      name: `bind by DOMAIN\\user: ${forest.netbios}\\${sam}`,
      bind: { name: `${forest.netbios}\\${sam}`, password: PASSWORD },
      bindOnly: true,
    });
  return out;
}

/** RFC 4515: `*`, `(`, `)`, `\` and NUL escaped in a filter value. */
function escapeValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The family of a generated or recorded query's name (`read by DN: CN=...` -> `read by DN`). */
export function familyOf(name: string): string {
  const colon = name.indexOf(': ');
  return colon < 0 ? name : name.slice(0, colon);
}
