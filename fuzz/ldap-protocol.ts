import { Client } from 'ldapts';
import { adminHealth, httpProbe } from './http-probe';
import { ldapAnswerKind, ldapComplete } from './ldap-answers';
import { ldapInput, SESSION_BIND } from './ldap-inputs';
import { BASE_DN } from './ldap-requests';
import type { Protocol } from './protocol';
import { urlPort } from './protocol';
import { adminHeaders } from './seeds';
import { ENTRIES, type ServerProcess } from './server-process';
import { talk } from './wire';

const SERVICE = 'ldap-onpremises';

/** LDAP BER against the mock DC of the ABC forest: every operation, unbound and bound as Administrator. */
export const ldapProtocol: Protocol = {
  name: 'ldap',
  entry: ENTRIES.services,
  args: [SERVICE],
  concurrency: 8,
  cutBytes: true,
  generate: ldapInput,
  async send(server, input, timeoutMs) {
    const bound = input.target === 'bound';
    const port = urlPort(server.urls[SERVICE].ldap);
    const result = await talk(port, input.bytes, {
      complete: ldapComplete(bound ? 2 : 1),
      quietMs: 150,
      timeoutMs,
    });
    return { kind: ldapAnswerKind(result, bound), ending: result.ending };
  },
  alive: async (server) => !(await adminHealth(server.urls)),
  health: ldapHealth,
  simpler: (input) =>
    input.target === 'bound' && input.bytes.subarray(0, SESSION_BIND.length).equals(SESSION_BIND)
      ? [{ ...input, target: 'unbound', bytes: input.bytes.subarray(SESSION_BIND.length) }]
      : [],
};

/**
 * The writes of the last batch are undone (POST /__admin/reset), then a user binds by UPN and finds
 * herself by sAMAccountName: one entry, her DN.
 */
export async function ldapHealth(server: ServerProcess): Promise<string | undefined> {
  const urls = server.urls[SERVICE];
  const reset = await httpProbe(`${urls.admin}/__admin/reset`, {
    method: 'POST',
    headers: adminHeaders(),
    body: '{}',
  });
  if (reset?.status !== 200)
    return `POST /__admin/reset ${reset ? `answered ${reset.status}` : 'unanswered'}`;
  const client = new Client({ url: urls.ldap, timeout: 3000, connectTimeout: 3000 });
  try {
    await client.bind('aberg@abc.corp', 'Passw0rd!');
    const { searchEntries } = await client.search(BASE_DN, {
      scope: 'sub',
      filter: '(sAMAccountName=aberg)',
      attributes: ['sAMAccountName'],
    });
    const dns = searchEntries.map((e) => e.dn);
    if (dns.length !== 1 || dns[0] !== 'CN=Anna Berg,OU=Users,DC=abc,DC=corp')
      return `bind + search for aberg found ${JSON.stringify(dns)}`;
    return undefined;
  } catch (error) {
    return `bind + search: ${(error as Error).message}`;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
