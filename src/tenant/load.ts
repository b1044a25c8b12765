import { readFileSync } from 'node:fs';
import { LdifError } from './ldif-error';
import { readLdif } from './ldif-reader';
import { buildSampleTenant } from './sample';
import { type ForestRole, forestFromRecords, type Tenant } from './tenant';

export interface TenantSpec {
  /** LDIF files, each optionally prefixed `onpremises=` or `online=`. Empty: the sample tenant. */
  files: string[];
  /** Extra generated objects per forest in the sample tenant. */
  sampleSize: number;
}

/** Parses `online=xyz.ldif` into its role and path; unprefixed files take roles in order. */
export function parseTenantArgument(arg: string, index: number): { role: ForestRole; file: string } {
  const match = /^(onpremises|online)=(.+)$/.exec(arg);
  if (match) return { role: match[1] as ForestRole, file: match[2] };
  return { role: index === 0 ? 'onpremises' : 'online', file: arg };
}

/** Loads the tenant: the user's LDIF exports, or the bundled sample tenant. Throws LdifError on bad input. */
export function loadTenant(spec: TenantSpec): Tenant {
  if (spec.files.length === 0) return buildSampleTenant({ extraObjects: spec.sampleSize });
  const forests = spec.files.map((arg, index) => {
    const { role, file } = parseTenantArgument(arg, index);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new LdifError(
        file,
        0,
        `cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})`,
      );
    }
    return forestFromRecords(readLdif(text, file), role, file);
  });
  const roles = forests.map((f) => f.role);
  if (new Set(roles).size !== roles.length) {
    throw new LdifError(
      spec.files[1] ?? spec.files[0],
      0,
      `two tenant files claim the same forest role (${roles.join(', ')})`,
    );
  }
  return { forests };
}
