import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectoryEntry } from '../../tenant/entry';
import { writeLdif } from '../../tenant/ldif-writer';
import { buildSampleTenant } from '../../tenant/sample';
import type { ForestRole } from '../../tenant/tenant';

/** The password of every sample account in the compose set (the LDAP mock's default). */
export const SAMPLE_PASSWORD = 'Passw0rd!';

/**
 * The sample tenant as the seed files the compose file mounts, one per service, in the format each
 * service's PUT /__admin/data takes: each LDAP forest as LDIF, and Exchange Online (XYZ's, so the
 * online forest) as DirectoryEntry JSON with SAMPLE_PASSWORD, Lync Online its people as JSON. Returns the files written.
 */
export function writeSampleSeed(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const tenant = buildSampleTenant();
  const forest = (role: ForestRole) => {
    const found = tenant.forests.find((f) => f.role === role);
    if (!found) throw new Error(`[containers] the sample tenant has no ${role} forest`);
    return found;
  };
  const files: Record<string, string> = {
    'ldap-onpremises.ldif': writeLdif(forest('onpremises').entries),
    'ldap-online.ldif': writeLdif(forest('online').entries),
    'exchange.json': JSON.stringify({
      password: SAMPLE_PASSWORD,
      entries: forest('online').entries.map((e) => e.toJSON()),
    }),
    'lync-online.json': JSON.stringify({ people: lyncOnlinePeople(forest('online').entries) }),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return Object.keys(files).map((name) => join(dir, name));
}

/** XYZ's users and contacts as Lync Online's directory; a malformed SIP address is left out, as Lync would. */
function lyncOnlinePeople(entries: DirectoryEntry[]) {
  return entries.flatMap((entry) => {
    const classes = entry.texts('objectClass').map((c) => c.toLowerCase());
    const kind = classes.includes('contact') ? 'contact' : classes.includes('user') ? 'user' : undefined;
    const mail = entry.first('mail');
    if (!kind || !mail) return [];
    const sip = entry.first('msRTCSIP-PrimaryUserAddress');
    const name = entry.first('displayName') || entry.first('cn') || mail;
    return [{ name, mail, kind, ...(sip && /^sip:[^@\s]+@[^@\s]+$/i.test(sip) ? { sip } : {}) }];
  });
}
