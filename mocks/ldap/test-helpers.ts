import { execFile } from 'node:child_process';
import { adminHeaders, type StartedMock } from '../admin';

/** What the mock DC tests share: the admin API, and the OpenLDAP command-line tools as real clients. */
export const ADMIN_DN = 'CN=Administrator,CN=Users,DC=abc,DC=corp';
export const PASSWORD = 'Passw0rd!';

/** The smallest forest the wire tests need: the domain head, OU=Users and Anna Berg (aberg) in it. */
export const ANNA_FOREST = `dn: DC=abc,DC=corp
objectClass: domainDNS
dc: abc

dn: OU=Users,DC=abc,DC=corp
objectClass: organizationalUnit
ou: Users

dn: CN=Anna Berg,OU=Users,DC=abc,DC=corp
objectClass: user
cn: Anna Berg
sAMAccountName: aberg
`;

export async function adminCall(mock: StartedMock, method: string, path: string, body?: string) {
  const res = await fetch(`${mock.urls.admin}${path}`, { method, body, headers: adminHeaders() });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Runs ldapsearch, ldapadd or ldapmodify (bound as the Administrator unless told) with optional LDIF on stdin. */
export function ldapTool(
  mock: StartedMock,
  tool: 'ldapsearch' | 'ldapadd' | 'ldapmodify',
  args: string[],
  input?: string,
  bindDn = ADMIN_DN,
  password = PASSWORD,
): Promise<{ code: number; out: string }> {
  const common = ['-x', '-H', mock.urls.ldap, '-D', bindDn, '-w', password];
  const extra = tool === 'ldapsearch' ? ['-LLL', '-o', 'ldif-wrap=no'] : [];
  return new Promise((resolve) => {
    const child = execFile(tool, [...common, ...extra, ...args], (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ code, out: `${stdout}${stderr}` });
    });
    child.stdin?.end(input ?? '');
  });
}

/** The DNs of an ldapsearch answer, base64 `dn::` lines decoded (ldapsearch writes UTF-8 DNs so). */
export function dnsIn(ldif: string): string[] {
  return [...ldif.matchAll(/^dn(::?) (.*)$/gm)].map(([, colons, value]) =>
    colons === '::' ? Buffer.from(value, 'base64').toString('utf8') : value,
  );
}
