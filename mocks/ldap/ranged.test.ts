import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Client } from 'ldapts';
import { loadBigGroup } from './big-group-fixture';
import { startLdapMock } from './index';

it('serves a 3,000-member group in ranges of 1,500 and computes memberOf', async () => {
  const mock = await startLdapMock({ service: 'ldap-ranged' });
  try {
    const base = 'DC=big,DC=corp';
    await loadBigGroup(mock, base, 3000);
    const client = new Client({ url: mock.urls.ldap });
    await client.bind('big\\user1', 'Passw0rd!');
    const first = await client.search(`CN=Everyone,${base}`, { scope: 'base', attributes: ['member'] });
    assert.equal((first.searchEntries[0]['member;range=0-1499'] as string[]).length, 1500);
    const rest = await client.search(`CN=Everyone,${base}`, {
      scope: 'base',
      attributes: ['member;range=1500-*'],
    });
    assert.equal((rest.searchEntries[0]['member;range=1500-*'] as string[]).length, 1500);
    const user = await client.search(`CN=User 2999,OU=Users,${base}`, {
      scope: 'base',
      attributes: ['memberOf'],
    });
    assert.equal(user.searchEntries[0].memberOf, `CN=Everyone,${base}`);
    await client.unbind();
  } finally {
    await mock.stop();
  }
});
