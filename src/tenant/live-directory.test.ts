import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startLdapMock } from '../../mocks/ldap';
import { AdminClient } from '../harness/admin-client';
import { DirectoryAdmin } from '../harness/service-admin';
import { type AttributeValue, DirectoryEntry } from './entry';
import { writeLdif } from './ldif-writer';
import { readLiveDirectory } from './live-directory';
import { openReadOnlyLdap } from './read-only-ldap';
import { buildSampleTenant } from './sample';

const PASSWORD = 'Passw0rd!';
const BASE = 'DC=abc,DC=corp';
const ADMINISTRATOR = `CN=Administrator,CN=Users,${BASE}`;
const BIG_GROUP = `CN=All Staff,OU=Groups,${BASE}`;
const MEMBERS = 3200;

/** The sample tenant's ABC forest plus a group of 3,200 members (past AD's 1,500-value range). */
function forestWithBigGroup(): DirectoryEntry[] {
  const entries = [...buildSampleTenant().forests.find((f) => f.role === 'onpremises')!.entries];
  const members: string[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const dn = `CN=Staff ${i},OU=Users,${BASE}`;
    members.push(dn);
    entries.push(
      new DirectoryEntry(dn, {
        objectClass: ['top', 'person', 'user'],
        cn: `Staff ${i}`,
        sAMAccountName: `staff${i}`,
      }),
    );
  }
  entries.push(
    new DirectoryEntry(BIG_GROUP, { objectClass: ['top', 'group'], cn: 'All Staff', member: members }),
  );
  return entries;
}

const shown = (values: AttributeValue[]) =>
  values.map((v) => (typeof v === 'string' ? v : `bytes:${Buffer.from(v).toString('base64')}`));

describe('readLiveDirectory against the mock domain controller', () => {
  let mock: Awaited<ReturnType<typeof startLdapMock>>;
  let admin: AdminClient;
  const loaded = forestWithBigGroup();

  before(async () => {
    mock = await startLdapMock({ service: 'ldap-onpremises' });
    admin = new AdminClient(mock.urls.admin);
    await new DirectoryAdmin(admin).setPasswords({ default: PASSWORD });
    await admin.loadData(writeLdif(loaded), 'text/ldif');
  });
  after(() => mock.stop());

  it('reads every object with the values of the LDIF it was loaded from; base DN from the rootDSE', async () => {
    const live = await readLiveDirectory({ url: mock.urls.ldap, bindDn: ADMINISTRATOR, password: PASSWORD });
    assert.equal(live.baseDn, BASE);
    assert.deepEqual(live.entries.map((e) => e.dn).sort(), loaded.map((e) => e.dn).sort());
    const byDn = new Map(live.entries.map((e) => [e.dn, e]));
    for (const source of loaded) {
      const read = byDn.get(source.dn)!;
      for (const name of source.names())
        assert.deepEqual(shown(read.get(name)), shown(source.get(name)), `${source.dn}: ${name}`);
    }
  });

  it('reads a 3,200-member group completely through ranged retrieval, under the plain name', async () => {
    const since = (await admin.journal()).length;
    const live = await readLiveDirectory({ url: mock.urls.ldap, bindDn: 'ABC\\aberg', password: PASSWORD });
    const group = live.entries.find((e) => e.dn === BIG_GROUP)!;
    assert.equal(group.get('member').length, MEMBERS);
    assert.deepEqual(
      group.names().filter((n) => n.includes(';')),
      [],
    );
    // 1,500 values came with the subtree read; 1,500-2,999 and 3,000-3,199 took one follow-up each.
    const followUps = (await admin.journal()).slice(since).filter((j) => j.request.base === BIG_GROUP);
    assert.equal(followUps.length, 2);
  });

  it('only binds and searches: the mock DC journal holds nothing else', async () => {
    await admin.reset();
    const before = (await admin.journal()).length;
    await readLiveDirectory({ url: mock.urls.ldap, bindDn: 'aberg@abc.corp', password: PASSWORD });
    await readLiveDirectory({ url: mock.urls.ldap }).catch(() => undefined);
    const operations = (await admin.journal()).slice(before).map((j) => j.operation);
    assert.ok(operations.includes('ldap.bind') && operations.includes('ldap.search'), operations.join());
    assert.deepEqual([...new Set(operations)].sort(), ['ldap.bind', 'ldap.search']);
  });

  it('hands the reader a connection that can bind, search and unbind, nothing else', () => {
    const ldap = openReadOnlyLdap(mock.urls.ldap);
    assert.deepEqual(Object.keys(ldap).sort(), ['bind', 'search', 'unbind']);
    for (const write of ['add', 'modify', 'del', 'modifyDN', 'exop', 'compare'])
      assert.equal(write in ldap, false, write);
    assert.ok(Object.isFrozen(ldap));
    // @ts-expect-error the read-only type has no add
    assert.equal(ldap.add, undefined);
  });

  it('says what failed and what to do', async () => {
    const url = mock.urls.ldap;
    const failure = (source: Parameters<typeof readLiveDirectory>[0]) =>
      readLiveDirectory(source).then(
        () => assert.fail('the read should fail'),
        (error: Error) => error.message,
      );
    assert.match(
      await failure({ url }),
      /^\[tenant:ldap\] .* refuses anonymous reads \(Active Directory needs a bound account\): give --bind-dn/,
    );
    assert.match(
      await failure({ url, bindDn: 'aberg@abc.corp', password: 'wrong' }),
      /^\[tenant:ldap\] .* refused the bind as "aberg@abc\.corp" \(invalid credentials, result 49, AD data 52e: .*\): check --bind-dn/,
    );
    assert.match(
      await failure({ url, bindDn: ADMINISTRATOR, password: PASSWORD, baseDn: `OU=Gone,${BASE}` }),
      /^\[tenant:ldap\] the base DN "OU=Gone,DC=abc,DC=corp" does not exist on ldap:\/\/127\.0\.0\.1:\d+/,
    );
    assert.match(
      await failure({ url: `ldap://127.0.0.1:${await closedPort()}` }),
      /^\[tenant:ldap\] cannot reach .*ECONNREFUSED.*check the host name and port/,
    );
    assert.match(
      await failure({ url: url.replace('ldap:', 'ldaps:') }),
      /^\[tenant:ldap\] TLS with ldaps:.* failed/,
    );
    assert.match(
      await failure({ url, bindDn: ADMINISTRATOR }),
      /^\[tenant:ldap\] no password for the bind DN/,
    );
  });
});

/** A loopback port nothing listens on (bound once, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
