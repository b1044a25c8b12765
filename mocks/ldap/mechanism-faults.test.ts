import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Client } from 'ldapts';
import { adminHeaders } from '../admin';
import { loadBigGroup } from './big-group-fixture';
import { startLdapMock } from './index';

const base = 'DC=big,DC=corp';

async function admin(url: string, method: string, path: string, body: unknown) {
  const res = await fetch(`${url}${path}`, { method, body: JSON.stringify(body), headers: adminHeaders() });
  assert.equal(res.status, 200, await res.text());
}

it('a raised MaxValRange answers a 2,000-member group whole, until the next reset', async () => {
  const mock = await startLdapMock({ service: 'ldap-mechanism' });
  try {
    await loadBigGroup(mock, base, 2000);
    const client = new Client({ url: mock.urls.ldap });
    await client.bind('big\\user1', 'Passw0rd!');
    // The attribute names the DC answered with values (ldapts adds each asked-for name, empty).
    const names = async () =>
      Object.entries(
        (await client.search(`CN=Everyone,${base}`, { scope: 'base', attributes: ['member'] }))
          .searchEntries[0],
      )
        .filter(([n, v]) => n.startsWith('member') && Array.isArray(v) && v.length > 0)
        .map(([n]) => n);
    assert.deepEqual(await names(), ['member;range=0-1499']);
    await admin(mock.urls.admin, 'PUT', '/__admin/mechanism', { maxValRange: 5000 });
    assert.deepEqual(await names(), ['member']);
    await admin(mock.urls.admin, 'POST', '/__admin/reset', {});
    assert.deepEqual(await names(), ['member;range=0-1499']);
    await client.unbind();
  } finally {
    await mock.stop();
  }
});

it('without the Lync schema extension a contact carrying msRTCSIP-PrimaryUserAddress is refused', async () => {
  const mock = await startLdapMock({ service: 'ldap-mechanism' });
  try {
    const ldif = `dn: ${base}\nobjectClass: top\nobjectClass: domain\ndc: big\n\ndn: OU=Contacts,${base}\nobjectClass: organizationalUnit\nou: Contacts\n`;
    const put = await fetch(`${mock.urls.admin}/__admin/data`, {
      method: 'PUT',
      body: ldif,
      headers: adminHeaders(),
    });
    assert.equal(put.status, 200, await put.text());
    await admin(mock.urls.admin, 'PUT', '/__admin/mechanism', { withoutLyncSchema: true });
    const client = new Client({ url: mock.urls.ldap });
    await client.bind(`CN=Administrator,CN=Users,${base}`, 'Passw0rd!');
    const contact = (cn: string, sip?: string) =>
      client.add(`CN=${cn},OU=Contacts,${base}`, {
        objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
        ...(sip ? { 'msRTCSIP-PrimaryUserAddress': sip } : {}),
      });
    await assert.rejects(
      contact('Anna Berg', 'sip:anna.berg@abc.corp'),
      (e: { code?: number }) => e.code === 17,
    );
    await contact('Ivan Novak');
    await client.unbind();
  } finally {
    await mock.stop();
  }
});
