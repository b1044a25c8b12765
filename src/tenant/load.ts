import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { entriesFromRecords } from './entries-from-records';
import type { DirectoryEntry } from './entry';
import { LdifError } from './ldif-error';
import { readLdif } from './ldif-reader';
import { decodeLdifFile } from './ldif-text';
import { buildSampleTenant } from './sample';
import { type ForestRole, forestOf, mostCommonNamingContext, type Tenant } from './tenant';

export interface TenantSpec {
  /** LDIF files, each optionally prefixed `onpremises=` or `online=`. Empty: the sample tenant. */
  files: string[];
  /** Extra generated objects per forest in the sample tenant. */
  sampleSize: number;
}

const ROLES: ForestRole[] = ['onpremises', 'online'];

/** Parses `online=xyz.ldif` into its role and path; without a prefix the role is left to the loader. */
export function parseTenantArgument(arg: string): { role?: ForestRole; file: string } {
  const match = /^(onpremises|online)=(.+)$/.exec(arg);
  if (match) return { role: match[1] as ForestRole, file: match[2] };
  return { file: arg };
}

let kept: { key: string; tenant: Tenant } | undefined;

/** The same files (wherever they were named from) and size are the same tenant. */
function keyOf(spec: TenantSpec): string {
  const files = spec.files.map((arg) => {
    const { role, file } = parseTenantArgument(arg);
    return `${role ?? ''}=${resolve(file)}`;
  });
  return JSON.stringify({ files, sampleSize: spec.sampleSize });
}

/**
 * Hands a tenant already loaded in this process (the run reads its input before any scenario, to stop
 * on a bad file) to the next `loadTenant` of the same files, the in-process Cucumber worker's, so a
 * big export is not read twice.
 */
export function keepForNextLoad(spec: TenantSpec, tenant: Tenant): void {
  kept = { key: keyOf(spec), tenant };
}

/** Lets go of a kept tenant nobody took (the run selected no scenario that loads it). */
export function dropKeptTenant(): void {
  kept = undefined;
}

/** Loads the tenant: the user's LDIF exports, or the bundled sample tenant. Throws LdifError on bad input. */
export function loadTenant(spec: TenantSpec): Tenant {
  if (kept && kept.key === keyOf(spec)) {
    const { tenant } = kept;
    kept = undefined;
    return tenant;
  }
  const tenant =
    spec.files.length === 0
      ? buildSampleTenant({ extraObjects: spec.sampleSize })
      : { forests: forestsOf(spec.files.map(readExport)) };
  // Held from the first check to the last: each object's values in one string (DirectoryEntry.pack).
  for (const forest of tenant.forests) for (const entry of forest.entries) entry.pack();
  return tenant;
}

interface Export {
  file: string;
  role?: ForestRole;
  namingContext: string;
  entries: DirectoryEntry[];
  notes: string[];
}

function readExport(arg: string): Export {
  const { role, file } = parseTenantArgument(arg);
  // Neither the file's bytes nor its text outlive the read: the objects hold packed copies of their values.
  const records = readLdif(decodeLdifFile(fileBytes(file), file), file, { pack: true });
  const { entries, notes } = entriesFromRecords(records, file);
  if (entries.length === 0) throw new LdifError(file, 1, 'the file holds no directory entries');
  return { file, role, namingContext: mostCommonNamingContext(entries, file), entries, notes };
}

function fileBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new LdifError(file, 0, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
}

/**
 * Files of one naming context are one forest (an export split into users, groups and contacts).
 * A forest takes the role its files were given (`online=`), else the first role still free, in the
 * order the files came: the first forest is the on-premises one.
 */
function forestsOf(exports: Export[]) {
  const groups = new Map<string, Export[]>();
  for (const e of exports) {
    const key = e.namingContext.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const forests = [...groups.values()];
  if (forests.length > ROLES.length)
    throw new LdifError(
      exports.at(-1)!.file,
      0,
      `the files hold ${forests.length} naming contexts (${forests.map((g) => g[0].namingContext).join('; ')}); the harness models two forests, on-premises and online: give one forest's domain per file group`,
    );
  const claimed = forests.map((group) => claimedRole(group));
  const free = ROLES.filter((r) => !claimed.includes(r));
  return forests.map((group, i) => {
    const role = claimed[i] ?? free.shift()!;
    if (claimed.filter((r) => r === role).length > 1)
      throw new LdifError(group[0].file, 0, `two forests claim the ${role} role (${claimed.join(', ')})`);
    return forestOf(
      group.flatMap((e) => e.entries),
      role,
      group.map((e) => e.file).join(', '),
      group.flatMap((e) => e.notes),
    );
  });
}

function claimedRole(group: Export[]): ForestRole | undefined {
  const roles = [...new Set(group.map((e) => e.role).filter((r): r is ForestRole => r !== undefined))];
  if (roles.length > 1)
    throw new LdifError(
      group[0].file,
      0,
      `files of the naming context ${group[0].namingContext} were given different roles (${roles.join(', ')})`,
    );
  return roles[0];
}
