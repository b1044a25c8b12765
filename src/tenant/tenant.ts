import { dnsDomainOf, namingContextOf } from './dn';
import { entriesFromRecords } from './entries-from-records';
import type { DirectoryEntry } from './entry';
import { LdifError } from './ldif-error';
import type { LdifRecord } from './ldif-records';
import { missingParents } from './missing-parents';

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
  /** Where the data came from: a file name (or several, comma-separated), or `sample`. */
  source: string;
  /**
   * Objects the export did not hold that a domain controller has (the naming-context head, the
   * containers above an exported OU): added by the harness, listed in the report as such.
   */
  addedByHarness: string[];
  /** What the reader noticed and the report should say (an incomplete ranged attribute, ...). */
  notes: string[];
}

export interface Tenant {
  forests: Forest[];
}

/** Builds a forest from LDIF records, applying change records in order. */
export function forestFromRecords(records: LdifRecord[], role: ForestRole, file: string): Forest {
  const { entries, notes } = entriesFromRecords(records, file);
  if (entries.length === 0) throw new LdifError(file, 1, 'the file holds no directory entries');
  return forestOf(entries, role, file, notes);
}

/**
 * A forest from its objects: named after the naming context most of them share, with the objects
 * a domain controller would hold but the export left out added (`addedByHarness`).
 */
export function forestOf(
  entries: DirectoryEntry[],
  role: ForestRole,
  source: string,
  notes: string[] = [],
): Forest {
  const baseDn = mostCommonNamingContext(entries, source);
  const added = missingParents(entries.map((e) => e.dn));
  const domain = dnsDomainOf(baseDn);
  return {
    domain,
    netbios: domain.split('.')[0].toUpperCase(),
    baseDn,
    role,
    entries: [...added, ...entries],
    source,
    addedByHarness: added.map((e) => e.dn),
    notes,
  };
}

/** The naming context most entries share, spelled as the first entry that has it spells it. */
export function mostCommonNamingContext(entries: DirectoryEntry[], source: string): string {
  const counts = new Map<string, { dn: string; count: number }>();
  for (const entry of entries) {
    const nc = namingContextOf(entry.dn);
    if (!nc) continue;
    const seen = counts.get(nc.toLowerCase()) ?? { dn: nc, count: 0 };
    seen.count++;
    counts.set(nc.toLowerCase(), seen);
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count)[0];
  if (!best)
    throw new LdifError(source, 1, 'no entry has a DC= naming context, so the forest cannot be named');
  return best.dn;
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
