import { randomBytes } from 'node:crypto';
import { AdminClient } from '../src/harness/admin-client';
import { lyncOnlineDirectory } from '../src/harness/lync-online-seed';
import { edgeInstallBody, poolInstallBody } from '../src/pki/fixtures';
import { writeLdif } from '../src/tenant/ldif-writer';
import { buildSampleTenant } from '../src/tenant/sample';
import { forestByRole } from '../src/tenant/tenant';

/** The sign-in the Exchange mock accepts for the sample tenant (a licensed user, the tenant password). */
export const EXCHANGE_LOGIN = { user: 'pkim@xyz.corp', password: 'Pa55w.rd' };
/** A Lync Online user of the sample tenant, whose UCWA resources the fuzzer asks for. */
export const LYNC_ONLINE_USER = 'sip:pat.kim@xyz.corp';

const bodies = new Map<string, Promise<{ body: string; type: string } | undefined>>();

/**
 * Loads each started service with the sample tenant or the lab PKI, as the features do. Done from the
 * fuzzer's process, which thereby holds the PKI the health checks present (the Front End's certificate).
 */
export async function seedServices(urls: Record<string, Record<string, string>>): Promise<void> {
  for (const [name, u] of Object.entries(urls)) {
    if (!bodies.has(name)) bodies.set(name, seedBody(name));
    const seed = await bodies.get(name);
    if (!seed) continue;
    await new AdminClient(u.admin, adminToken()).loadData(seed.body, seed.type);
  }
}

async function seedBody(service: string): Promise<{ body: string; type: string } | undefined> {
  const tenant = buildSampleTenant();
  switch (service) {
    case 'ldap-onpremises':
      return { body: writeLdif(forestByRole(tenant, 'onpremises').entries), type: 'text/ldif' };
    case 'exchange': {
      const exported = forestByRole(tenant, 'online').entries.filter((e) =>
        e.isA('contact') ? e.has('mailNickname') && e.has('targetAddress') : e.isA('user') && e.has('mail'),
      );
      return { body: JSON.stringify(exported.map((e) => e.toJSON())), type: 'application/json' };
    }
    case 'lync-online':
      return { body: JSON.stringify({ people: lyncOnlineDirectory(tenant) }), type: 'application/json' };
    case 'edge':
      return { body: JSON.stringify(await edgeInstallBody(100)), type: 'application/json' };
    case 'lync-fe':
      return { body: JSON.stringify(await poolInstallBody('via intermediate')), type: 'application/json' };
    default:
      return undefined;
  }
}

const madeUp = `fuzz-${randomBytes(12).toString('hex')}`;

/**
 * The admin API's bearer token: LYNC_MOCK_ADMIN_TOKEN when set, else one made up for this run. The server
 * processes are started with it, so admin requests without it are refused and the refusal is fuzzed too.
 */
export function adminToken(): string {
  return process.env.LYNC_MOCK_ADMIN_TOKEN || madeUp;
}

export function adminHeaders(type?: string): Record<string, string> {
  return { ...(type ? { 'content-type': type } : {}), authorization: `Bearer ${adminToken()}` };
}
