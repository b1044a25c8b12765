import { Attribute, type Client } from 'ldapts';
import { readEntry, withLdap } from '../clients/ldap/ldap-client';
import type { DirectoryEntry } from '../tenant/entry';
import { buildSampleTenant } from '../tenant/sample';
import { type ForestRole, forestByRole, type Tenant } from '../tenant/tenant';
import type { SeededDirectory } from './directory';

let sample: Tenant | undefined;

/** Attributes the DC keeps itself: never written by a client. */
const SYSTEM = new Set(['objectguid', 'name', 'distinguishedname', 'memberof', 'objectsid']);

/**
 * The notes' named people and groups (Anna Berg, CSLyncRecordingUsers, ...) as fixed fixtures in the
 * forest's mock DC, whatever tenant is loaded: taken from the bundled sample, moved under the loaded
 * forest's naming context and added over LDAP when missing (reset removes them again).
 * Returns the objects as they now are in the directory's naming context, for the model.
 */
export async function ensureFixtures(
  dc: SeededDirectory,
  role: ForestRole,
  names: string[],
): Promise<DirectoryEntry[]> {
  sample ??= buildSampleTenant();
  const from = forestByRole(sample, role);
  const rebase = (dn: string) => dn.replace(new RegExp(`${from.baseDn}$`, 'i'), dc.forest.baseDn);
  const entries = names.map((name) => {
    const found = from.entries.find((e) => (e.first('cn') ?? '').toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`[fixtures] the sample ${role} forest has no object named "${name}"`);
    const copy = found.clone(rebase(found.dn));
    if (copy.has('member')) copy.set('member', copy.texts('member').map(rebase));
    if (copy.has('objectCategory')) copy.set('objectCategory', copy.texts('objectCategory').map(rebase));
    return copy;
  });
  await withLdap(dc.admin, async (client) => {
    for (const entry of entries)
      if (!(await readEntry(client, entry.dn, ['1.1']))) await addWithParents(client, entry);
  });
  return entries;
}

async function addWithParents(client: Client, entry: DirectoryEntry): Promise<void> {
  const parent = entry.dn.slice(entry.dn.search(/(?<!\\),/) + 1);
  if (/^ou=/i.test(parent) && !(await readEntry(client, parent, ['1.1']))) {
    const ou = parent.slice(3, parent.search(/(?<!\\),/));
    await client.add(parent, { objectClass: ['top', 'organizationalUnit'], ou });
  }
  const attributes = entry
    .names()
    .filter((n) => !SYSTEM.has(n.toLowerCase()))
    .map((type) => new Attribute({ type, values: entry.texts(type).filter((v) => v.trim() !== '') }))
    .filter((a) => a.values.length > 0);
  await client.add(entry.dn, attributes);
}
