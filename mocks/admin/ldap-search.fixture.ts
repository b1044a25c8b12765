import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { adminHeaders } from './admin-token';
import type { Seen } from './fault-kinds.fixture';

/**
 * ldapsearch for delay, reset and error. A malformed reply announces a 2 GB message that never
 * comes, which ldapsearch would wait for: the bytes themselves are read off a raw connection.
 */
export async function ldapSearch(urls: Record<string, string>): Promise<Omit<Seen, 'ms'>> {
  const faults = await (await fetch(`${urls.admin}/__admin/faults`, { headers: adminHeaders() })).json();
  if ((faults as { faults: Array<{ kind: string }> }).faults[0]?.kind === 'malformed')
    return rawLdapSearch(urls.ldap);
  const url = urls.ldap;
  const admin = 'CN=Administrator,CN=Users,DC=xyz,DC=corp';
  const args = ['-x', '-H', url, '-b', 'DC=xyz,DC=corp', '-D', admin, '-w', 'Passw0rd!', '(sn=Kim)', 'cn'];
  return new Promise((resolve) =>
    execFile('ldapsearch', args, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: number }).code) : 0;
      resolve(
        /Can't contact LDAP server/.test(stdout + stderr)
          ? { dropped: true }
          : { status: code, body: stdout },
      );
    }),
  );
}

function rawLdapSearch(url: string): Promise<Omit<Seen, 'ms'>> {
  const bind = Buffer.from('300c020101600702010304008000', 'hex');
  const search = Buffer.from(
    '302502010263200400' + '0a01000a0100020100020100010100870b6f626a656374436c6173733000',
    'hex',
  );
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1', () => {
      socket.write(Buffer.concat([bind, search]));
    });
    let received = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      const afterBind = received.subarray(2 + received[1]);
      // The search answer: a SEQUENCE whose four-byte length no client will ever receive.
      if (afterBind.length >= 6) {
        socket.destroy();
        resolve({ body: afterBind.toString('hex') });
      }
    });
    socket.on('error', () => resolve({ dropped: true }));
  });
}
