import { Attribute, Change, type Client } from 'ldapts';
import type { GalSyncFlow } from '../../model/gal';
import type { DirectoryEntry } from '../../tenant/entry';
import { escapeFilterValue, type LdapSource, pagedSearch, readEntry, withLdap } from './ldap-client';

export interface GalSyncResult {
  /** Contacts written to the target forest (added or updated), by DN, with the source user. */
  written: Array<{ dn: string; source: string; action: 'add' | 'update' }>;
  /** Source users GALSync would not project, and why. */
  rejected: Array<{ dn: string; reason: string }>;
  /** Writes the target DC refused (code and AD's text). */
  refused: Array<{ dn: string; code: number; message: string }>;
}

/**
 * FIM GALSync as a client: reads the users of one forest over LDAP (paged), applies the flow rules,
 * and adds or updates a contact per user in the other forest's GALSync OU over LDAP. `only` limits the
 * run to some sAMAccountNames (a rule example on named people).
 */
export async function runGalSync(
  source: LdapSource,
  target: LdapSource,
  flow: GalSyncFlow,
  only?: string[],
): Promise<GalSyncResult> {
  const filter = only?.length
    ? `(&${flow.source.filter}(|${only.map((s) => `(sAMAccountName=${escapeFilterValue(s)})`).join('')}))`
    : flow.source.filter;
  // The management agent asks only for the attributes it imports into the metaverse.
  const attributes = flow.source.attributes ?? ['*'];
  const users = await withLdap(source, (c) => pagedSearch(c, source.baseDn, filter, attributes));
  return syncUsers(users, target, flow);
}

/**
 * GALSync limited to some source objects, named by DN: each is read with the flow's source filter
 * (an object the filter does not select is not read), then synced as a full run would.
 */
export async function runGalSyncFor(
  source: LdapSource,
  target: LdapSource,
  flow: GalSyncFlow,
  dns: string[],
): Promise<GalSyncResult> {
  const attributes = flow.source.attributes ?? ['*'];
  const users = await withLdap(source, async (c) => {
    const read: DirectoryEntry[] = [];
    for (const dn of dns) {
      const user = await readEntry(c, dn, attributes, flow.source.filter);
      if (user) read.push(user);
    }
    return read;
  });
  return syncUsers(users, target, flow);
}

async function syncUsers(
  users: DirectoryEntry[],
  target: LdapSource,
  flow: GalSyncFlow,
): Promise<GalSyncResult> {
  const result: GalSyncResult = { written: [], rejected: [], refused: [] };
  await withLdap(target, async (client) => {
    for (const user of users) await syncOne(client, user, flow, target.baseDn, result);
  });
  return result;
}

async function syncOne(
  client: Client,
  user: DirectoryEntry,
  flow: GalSyncFlow,
  targetBase: string,
  result: GalSyncResult,
): Promise<void> {
  const blank = flow.required.filter((a) => !(user.first(a) ?? '').trim());
  if (blank.length) {
    result.rejected.push({
      dn: user.dn,
      reason: `${blank.join(', ')} blank: the metaverse object is not projected`,
    });
    return;
  }
  const values = contactValues(user, flow);
  const dn = `CN=${user.first('cn')!.replace(/([,+"\\<>;=])/g, '\\$1')},${flow.target.container},${targetBase}`;
  try {
    const existing = await readEntry(client, dn, ['objectClass']);
    if (existing) {
      const changes = Object.entries(values)
        .filter(([name]) => name.toLowerCase() !== 'cn')
        .map(
          ([type, v]) =>
            new Change({ operation: 'replace', modification: new Attribute({ type, values: [v] }) }),
        );
      if (changes.length) await client.modify(dn, changes);
      result.written.push({ dn, source: user.dn, action: 'update' });
    } else {
      await client.add(dn, { objectClass: ['top', 'person', 'organizationalPerson', 'contact'], ...values });
      result.written.push({ dn, source: user.dn, action: 'add' });
    }
  } catch (error) {
    const e = error as { code?: number; message: string };
    result.refused.push({ dn, code: e.code ?? -1, message: e.message });
  }
}

/** The flow engine: each rule reads the source user (template placeholders, an optional prefix strip). */
function contactValues(user: DirectoryEntry, flow: GalSyncFlow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of flow.flows) {
    const read = (name: string) => {
      const raw = user.first(name) ?? '';
      const cut =
        rule.strip && raw.toLowerCase().startsWith(rule.strip.toLowerCase())
          ? raw.slice(rule.strip.length)
          : raw;
      return cut.trim() ? cut : undefined;
    };
    const names = rule.from
      ? [rule.from]
      : [...(rule.template ?? '').matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const parts = names.map(read);
    if (parts.some((p) => p === undefined)) continue;
    out[rule.target] = rule.from
      ? parts[0]!
      : rule.template!.replace(/\{([^}]+)\}/g, (_, n: string) => read(n)!);
  }
  return out;
}
