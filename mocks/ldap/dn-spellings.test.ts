import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Client } from 'ldapts';
import type { StartedMock } from '../admin';
import { startLdapMock } from './index';
import { ADMIN_DN, adminCall, dnsIn, ldapTool, PASSWORD } from './test-helpers';

const STAFF = 'OU=Staff,DC=abc,DC=corp';
const LDIF = `dn: DC=abc,DC=corp
objectClass: domainDNS
dc: abc

dn: ${STAFF}
objectClass: organizationalUnit
ou: Staff

dn: OU=Réseau,DC=abc,DC=corp
objectClass: organizationalUnit
ou: Réseau

dn: CN=Ren\\c3\\a9e Dupont,${STAFF}
objectClass: user
cn:: ${Buffer.from('Renée Dupont').toString('base64')}
sAMAccountName: rdupont

dn: CN=Team,${STAFF}
objectClass: group
cn: Team
member: CN=Ren\\c3\\a9e Dupont,${STAFF}
`;

let mock: StartedMock;
let client: Client;

async function baseDns(base: string): Promise<string[]> {
  try {
    const found = await client.search(base, { scope: 'base', attributes: ['1.1'] });
    return found.searchEntries.map((e) => e.dn);
  } catch (error) {
    if ((error as { code?: number }).code === 32) return [];
    throw error;
  }
}

describe('mock DC: one DN, however it is spelled (hex-escaped UTF-8, UTF-8, case, spaces)', () => {
  before(async () => {
    mock = await startLdapMock({ service: 'ldap-dn-spellings' });
    const loaded = await adminCall(mock, 'PUT', '/__admin/data', LDIF);
    assert.equal(loaded.status, 200, JSON.stringify(loaded.json));
    client = new Client({ url: mock.urls.ldap });
    await client.bind(ADMIN_DN, PASSWORD);
  });
  beforeEach(() => adminCall(mock, 'POST', '/__admin/reset', '{}'));
  after(async () => {
    await client.unbind();
    await mock.stop();
  });

  it('an object loaded with a hex-escaped DN is stored and found by its UTF-8 DN', async () => {
    assert.deepEqual(await baseDns(`CN=Renée Dupont,${STAFF}`), [`CN=Renée Dupont,${STAFF}`]);
    assert.deepEqual(await baseDns(`cn = renée dupont , ou=staff,dc=ABC,dc=corp`), [
      `CN=Renée Dupont,${STAFF}`,
    ]);
    const r = await ldapTool(mock, 'ldapsearch', [
      '-b',
      `CN=Renée Dupont,${STAFF}`,
      '-s',
      'base',
      'memberOf',
    ]);
    assert.equal(r.code, 0, r.out);
    assert.deepEqual(dnsIn(r.out), [`CN=Renée Dupont,${STAFF}`]);
    assert.match(r.out, /^memberOf: CN=Team,OU=Staff,DC=abc,DC=corp$/m);
    // A DN value compares as a DN: `\5c` is a backslash in a filter, so the value is hex-escaped.
    const byMember = await client.search(STAFF, {
      filter: '(member=cn=ren\\5cc3\\5ca9e dupont,ou=staff,dc=abc,dc=corp)',
      attributes: ['member'],
    });
    assert.deepEqual(
      byMember.searchEntries.map((e) => [e.dn, e.member]),
      [[`CN=Team,${STAFF}`, `CN=Renée Dupont,${STAFF}`]],
    );
  });

  it('a bind by DN takes any spelling of it', async () => {
    for (const dn of [`CN=Renée Dupont,${STAFF}`, `cn=ren\\c3\\a9e dupont,ou=staff,dc=abc,dc=corp`]) {
      const other = new Client({ url: mock.urls.ldap });
      await other.bind(dn, PASSWORD);
      await other.unbind();
    }
  });

  it('ldapadd with a hex-escaped DN; ldapsearch finds it by the UTF-8 DN, and in the group', async () => {
    const added = await ldapTool(
      mock,
      'ldapadd',
      [],
      `dn: CN=Ren\\c3\\a9e Roy,${STAFF}\nobjectClass: user\nsAMAccountName: rroy\n`,
    );
    assert.equal(added.code, 0, added.out);
    const r = await ldapTool(mock, 'ldapsearch', ['-b', `CN=Renée Roy,${STAFF}`, '-s', 'base', 'cn', 'name']);
    assert.equal(r.code, 0, r.out);
    assert.deepEqual(dnsIn(r.out), [`CN=Renée Roy,${STAFF}`]);
    const modified = await ldapTool(
      mock,
      'ldapmodify',
      [],
      `dn: CN=Team,${STAFF}\nchangetype: modify\nadd: member\nmember: cn=ren\\c3\\a9e roy,ou=staff,dc=abc,dc=corp\n`,
    );
    assert.equal(modified.code, 0, modified.out);
    const team = await client.search(`CN=Team,${STAFF}`, { scope: 'base', attributes: ['member'] });
    assert.ok(
      [team.searchEntries[0].member].flat().includes(`CN=Renée Roy,${STAFF}`),
      'member as AD writes it',
    );
  });

  it('an object added with a UTF-8 DN is found by its hex-escaped DN', async () => {
    await client.add(`CN=Zoë Roy,${STAFF}`, { objectClass: 'contact' });
    assert.deepEqual(await baseDns(`CN=Zo\\c3\\ab Roy,${STAFF}`), [`CN=Zoë Roy,${STAFF}`]);
    assert.deepEqual(await baseDns(`CN=Zo\\C3\\AB\\20Roy,${STAFF}`), [`CN=Zoë Roy,${STAFF}`]);
    const sub = await client.search(STAFF, { filter: '(cn=Zoë Roy)', attributes: ['distinguishedName'] });
    assert.equal(sub.searchEntries[0]?.distinguishedName, `CN=Zoë Roy,${STAFF}`);
  });

  it('modDN of an object named with hex escapes: the new DN in any spelling, the group follows', async () => {
    await client.modifyDN(`CN=Ren\\c3\\a9e Dupont,${STAFF}`, 'CN=Ren\\c3\\a9e Dupont-L\\c3\\a9vesque');
    const renamed = `CN=Renée Dupont-Lévesque,${STAFF}`;
    assert.deepEqual(await baseDns(renamed), [renamed]);
    assert.deepEqual(await baseDns(`CN=Renée Dupont,${STAFF}`), []);
    const found = await client.search(renamed, { scope: 'base', attributes: ['name', 'cn', 'memberOf'] });
    assert.equal(found.searchEntries[0].name, 'Renée Dupont-Lévesque');
    assert.equal(found.searchEntries[0].memberOf, `CN=Team,${STAFF}`);
    const chain = await client.search(STAFF, {
      filter: `(memberOf:1.2.840.113556.1.4.1941:=cn=team,ou=staff,dc=abc,dc=corp)`,
      attributes: ['1.1'],
    });
    assert.deepEqual(
      chain.searchEntries.map((e) => e.dn),
      [renamed],
    );
    await client.modifyDN(renamed.toLowerCase(), 'CN=Renée Dupont,OU=R\\c3\\a9seau,DC=abc,DC=corp');
    const moved = await ldapTool(mock, 'ldapsearch', [
      '-b',
      'OU=Réseau,DC=abc,DC=corp',
      '-s',
      'one',
      'memberOf',
    ]);
    assert.deepEqual(dnsIn(moved.out), ['CN=Renée Dupont,OU=Réseau,DC=abc,DC=corp']);
    assert.match(moved.out, /^memberOf: CN=Team,OU=Staff,DC=abc,DC=corp$/m);
  });
});
