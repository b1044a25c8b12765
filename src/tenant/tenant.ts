import { type DirectoryEntry, dnsDomainOf, namingContextOf } from './entry';
import { LdifError } from './ldif-error';
import type { LdifRecord } from './ldif-reader';

/**
 * `onpremises`: the forest whose Lync Server runs on-premises (ABC Corp in the notes).
 * `online`: the forest that DirSync exports to Office 365 for Lync Online (XYZ Corp).
 */
export type ForestRole = 'onpremises' | 'online';

export interface Forest {
  /** DNS name of the forest root domain, e.g. `abc.corp`. */
  domain: string;
  /** NetBIOS name, e.g. `ABC`. */
  netbios: string;
  /** `DC=abc,DC=corp`. */
  baseDn: string;
  role: ForestRole;
  entries: DirectoryEntry[];
  /** Where the data came from: a file name, or `sample`. */
  source: string;
}

export interface Tenant {
  forests: Forest[];
}

/** Builds a forest from LDIF records, applying change records in order. */
export function forestFromRecords(records: LdifRecord[], role: ForestRole, file: string): Forest {
  const byDn = new Map<string, DirectoryEntry>();
  const key = (dn: string) => dn.toLowerCase().replace(/\s*,\s*/g, ',');
  for (const record of records) {
    switch (record.type) {
      case 'content':
      case 'add':
        if (byDn.has(key(record.entry.dn)))
          throw new LdifError(file, record.line, `duplicate entry ${record.entry.dn}`, 'dn');
        byDn.set(key(record.entry.dn), record.entry);
        break;
      case 'delete':
        if (!byDn.delete(key(record.dn)))
          throw new LdifError(file, record.line, `delete of unknown entry ${record.dn}`, 'dn');
        break;
      case 'modify': {
        const entry = byDn.get(key(record.dn));
        if (!entry) throw new LdifError(file, record.line, `modify of unknown entry ${record.dn}`, 'dn');
        for (const mod of record.modifications) {
          if (mod.operation === 'add') for (const v of mod.values) entry.add(mod.attribute, v);
          else if (mod.operation === 'replace') entry.set(mod.attribute, mod.values);
          else entry.delete(mod.attribute, mod.values);
        }
        break;
      }
      case 'modrdn': {
        const entry = byDn.get(key(record.dn));
        if (!entry) throw new LdifError(file, record.line, `modrdn of unknown entry ${record.dn}`, 'dn');
        const parent =
          record.newSuperior ??
          record.dn
            .split(/(?<!\\),/)
            .slice(1)
            .join(',');
        const moved = entry.clone(`${record.newRdn},${parent}`);
        byDn.delete(key(record.dn));
        byDn.set(key(moved.dn), moved);
        break;
      }
    }
  }
  const entries = [...byDn.values()];
  if (entries.length === 0) throw new LdifError(file, 1, 'the file holds no directory entries');
  const baseDn = mostCommonNamingContext(entries, file);
  return {
    domain: dnsDomainOf(baseDn),
    netbios: dnsDomainOf(baseDn).split('.')[0].toUpperCase(),
    baseDn,
    role,
    entries,
    source: file,
  };
}

function mostCommonNamingContext(entries: DirectoryEntry[], file: string): string {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const nc = namingContextOf(entry.dn);
    if (nc) counts.set(nc.toLowerCase(), (counts.get(nc.toLowerCase()) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) throw new LdifError(file, 1, 'no entry has a DC= naming context, so the forest cannot be named');
  return entries.map((e) => namingContextOf(e.dn)).find((nc) => nc.toLowerCase() === best[0])!;
}

/** Users (security principals of class user, not computers). */
export function usersOf(forest: Forest): DirectoryEntry[] {
  return forest.entries.filter((e) => e.isA('user') && !e.isA('computer'));
}

export function contactsOf(forest: Forest): DirectoryEntry[] {
  return forest.entries.filter((e) => e.isA('contact'));
}

export function groupsOf(forest: Forest): DirectoryEntry[] {
  return forest.entries.filter((e) => e.isA('group'));
}

export function forestByRole(tenant: Tenant, role: ForestRole): Forest {
  const forest = tenant.forests.find((f) => f.role === role);
  if (!forest) throw new Error(`[tenant] the tenant has no ${role} forest`);
  return forest;
}
