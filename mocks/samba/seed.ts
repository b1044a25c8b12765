import type { Client } from 'ldapts';
import { Change } from 'ldapts';
import { dnKey, parseDn } from '../../src/tenant/dn';
import type { DirectoryEntry } from '../../src/tenant/entry';
import { addEntry, attribute } from './ldap-writes';

/** What AD keeps itself (or computes): an export's values of these are not written, AD makes its own. */
const KEPT_BY_AD = new Set(
  [
    'objectGUID',
    'objectSid',
    'whenCreated',
    'whenChanged',
    'uSNCreated',
    'uSNChanged',
    'distinguishedName',
    'name',
    'instanceType',
    'memberOf',
    'sAMAccountType',
    'primaryGroupID',
    'pwdLastSet',
    'badPwdCount',
    'badPasswordTime',
    'lastLogon',
    'lastLogoff',
    'lastLogonTimestamp',
    'logonCount',
    'dSCorePropagationData',
    'isCriticalSystemObject',
    'objectCategory',
    'directReports',
    'managedObjects',
    'modifyTimeStamp',
    'createTimeStamp',
    'accountExpires',
    'codePage',
    'countryCode',
  ].map((n) => n.toLowerCase()),
);

/** Links to other objects: written once every object exists (AD refuses a link to a missing DN). */
const LINKS = new Set(['member', 'manager', 'managedby', 'secretary']);

export interface SeedReport {
  added: number;
  /** Values AD cannot hold (blank strings), left out: `DN: attribute`. */
  dropped: string[];
  /** Objects Samba refused, with its answer. */
  refused: string[];
}

/**
 * Writes a forest's objects into a freshly provisioned Samba DC over LDAP, parents first, links
 * after every object is in. Objects the DC already holds (the naming-context head, CN=Users, ...) are
 * left as Samba made them (the head's own attributes too). Every account gets `passwordOf(entry)` as its unicodePwd.
 */
export async function seedObjects(
  client: Client,
  baseDn: string,
  entries: DirectoryEntry[],
  passwordOf: (entry: DirectoryEntry) => string,
): Promise<SeedReport> {
  const report: SeedReport = { added: 0, dropped: [], refused: [] };
  const head = dnKey(baseDn);
  const ordered = entries.filter((e) => dnKey(e.dn) !== head).sort((a, b) => depth(a.dn) - depth(b.dn));
  const links: DirectoryEntry[] = [];
  for (const entry of ordered) {
    const names = writable(entry, report);
    const linkNames = names.filter((n) => LINKS.has(n.toLowerCase()));
    if (linkNames.length) links.push(entry);
    const now = names.filter((n) => !LINKS.has(n.toLowerCase()));
    const toAdd = entry.clone();
    if (entry.texts('objectClass').some((c) => c.toLowerCase() === 'user')) {
      toAdd.set('unicodePwd', [unicodePwd(passwordOf(entry))]);
      now.push('unicodePwd');
    }
    try {
      await addEntry(client, toAdd, now);
      report.added++;
    } catch (error) {
      if (isAlreadyThere(error)) continue;
      report.refused.push(`${entry.dn}: ${(error as Error).message}`);
    }
  }
  for (const entry of links) {
    const changes = entry
      .names()
      .filter((n) => LINKS.has(n.toLowerCase()) && entry.has(n))
      .map((n) => new Change({ operation: 'replace', modification: attribute(n, entry.get(n)) }));
    try {
      await client.modify(entry.dn, changes);
    } catch (error) {
      report.refused.push(`${entry.dn} (links): ${(error as Error).message}`);
    }
  }
  return report;
}

/** AD's unicodePwd: the password in double quotes, UTF-16LE. */
export function unicodePwd(password: string): Uint8Array {
  return Buffer.from(`"${password}"`, 'utf16le');
}

function writable(entry: DirectoryEntry, report: SeedReport): string[] {
  const names: string[] = [];
  for (const name of entry.names()) {
    if (KEPT_BY_AD.has(name.toLowerCase())) continue;
    const values = entry.get(name);
    if (values.some((v) => (typeof v === 'string' ? v.trim() === '' : v.length === 0))) {
      report.dropped.push(`${entry.dn}: ${name}`);
      continue;
    }
    names.push(name);
  }
  return names;
}

function depth(dn: string): number {
  return parseDn(dn).length;
}

function isAlreadyThere(error: unknown): boolean {
  return (error as { code?: number }).code === 68;
}
