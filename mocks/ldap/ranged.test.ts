import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Client } from 'ldapts';
import { adminHeaders } from '../admin';
import { startLdapMock } from './index';

it('serves a 3,000-member group in ranges of 1,500 and computes memberOf', async () => {
  const mock = await startLdapMock({ service: 'ldap-ranged' });
  try {
    const base = 'DC=big,DC=corp';
    const users = Array.from({ length: 3000 }, (_, i) => `CN=User ${i},OU=Users,${base}`);
    const ldif = [
      `dn: ${base}\nobjectClass: top\nobjectClass: domain\ndc: big`,
      `dn: OU=Users,${base}\nobjectClass: organizationalUnit\nou: Users`,
      ...users.map((dn, i) => `dn: ${dn}\nobjectClass: user\ncn: User ${i}\nsAMAccountName: user${i}`),
      `dn: CN=Everyone,${base}\nobjectClass: group\ncn: Everyone\n${users.map((u) => `member: ${u}`).join('\n')}`,
    ].join('\n\n');
    const put = await fetch(`${mock.urls.admin}/__admin/data`, {
      method: 'PUT',
      body: ldif,
      headers: adminHeaders(),
    });
    assert.equal(put.status, 200, await put.text());
    const client = new Client({ url: mock.urls.ldap });
    await client.bind('big\\user1', 'Passw0rd!');
    const first = await client.search(`CN=Everyone,${base}`, { scope: 'base', attributes: ['member'] });
    assert.equal((first.searchEntries[0]['member;range=0-1499'] as string[]).length, 1500);
    const rest = await client.search(`CN=Everyone,${base}`, {
      scope: 'base',
      attributes: ['member;range=1500-*'],
    });
    assert.equal((rest.searchEntries[0]['member;range=1500-*'] as string[]).length, 1500);
    const user = await client.search(users[2999], { scope: 'base', attributes: ['memberOf'] });
    assert.equal(user.searchEntries[0].memberOf, `CN=Everyone,${base}`);
    await client.unbind();
  } finally {
    await mock.stop();
  }
});
