import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Attribute, Change, Client } from 'ldapts';
import type { StartedMock } from '../admin';
import { startLdapMock } from './index';
import { sidText } from './sids';
import { adminCall, ldapTool, PASSWORD } from './test-helpers';

/** An export as `ldapsearch ... cn objectClass` writes it: no objectCategory, SID, time or USN. */
const BASE = 'DC=ops,DC=corp';
const ADMIN = `CN=Administrator,CN=Users,${BASE}`;
const LDIF = [
  `dn: ${BASE}\nobjectClass: top\nobjectClass: domain\nobjectClass: domainDNS\ndc: ops`,
  `dn: OU=Staff,${BASE}\nobjectClass: organizationalUnit\nou: Staff`,
  `dn: CN=Builtin,${BASE}\nobjectClass: container\ncn: Builtin`,
  `dn: CN=Ann Lee,OU=Staff,${BASE}\nobjectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: user\ncn: Ann Lee\nsAMAccountName: alee\nmemberOf: CN=Team,OU=Staff,${BASE}`,
  `dn: CN=Bo Dahl,OU=Staff,${BASE}\nobjectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: user\ncn: Bo Dahl\nsAMAccountName: bdahl`,
  `dn: CN=Cy Ek,OU=Staff,${BASE}\nobjectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: contact\ncn: Cy Ek`,
  `dn: CN=WS01,OU=Staff,${BASE}\nobjectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: user\nobjectClass: computer\ncn: WS01`,
  `dn: CN=Team,OU=Staff,${BASE}\nobjectClass: top\nobjectClass: group\ncn: Team\nmember: CN=Ann Lee,OU=Staff,${BASE}`,
].join('\n\n');

let mock: StartedMock;
let client: Client;

async function read(dn: string, attributes: string[]) {
  const found = await client.search(dn, {
    scope: 'base',
    attributes,
    explicitBufferAttributes: ['objectSid'],
  });
  return found.searchEntries[0];
}

function replace(type: string, value: string): Change {
  return new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) });
}

async function highestUsn(): Promise<number> {
  const r = await ldapTool(mock, 'ldapsearch', ['-b', '', '-s', 'base', 'highestCommittedUSN'], '', ADMIN);
  return Number(/^highestCommittedUSN: (\d+)$/m.exec(r.out)?.[1]);
}

describe('mock DC: operational attributes AD keeps, filled where the export lacks them', () => {
  before(async () => {
    mock = await startLdapMock({ service: 'ldap-operational' });
    await adminCall(mock, 'PUT', '/__admin/clock', JSON.stringify({ now: '2015-03-09T08:30:00Z' }));
    const loaded = await adminCall(mock, 'PUT', '/__admin/data', LDIF);
    assert.equal(loaded.status, 200, JSON.stringify(loaded.json));
    client = new Client({ url: mock.urls.ldap });
    await client.bind(ADMIN, PASSWORD);
  });
  beforeEach(() => adminCall(mock, 'POST', '/__admin/reset', '{}'));
  after(async () => {
    await client.unbind();
    await mock.stop();
  });

  it('(objectCategory=person) finds the users and contacts of an export without objectCategory', async () => {
    const people = await client.search(BASE, { filter: '(objectCategory=person)', attributes: ['cn'] });
    assert.deepEqual(people.searchEntries.map((e) => e.cn).sort(), ['Ann Lee', 'Bo Dahl', 'Cy Ek']);
    const r = await ldapTool(
      mock,
      'ldapsearch',
      ['-b', BASE, '(objectCategory=computer)', 'objectCategory'],
      '',
      ADMIN,
    );
    assert.match(r.out, /^objectCategory: CN=Computer,CN=Schema,CN=Configuration,DC=ops,DC=corp$/m);
    for (const [dn, category] of [
      [BASE, 'Domain-DNS'],
      [`OU=Staff,${BASE}`, 'Organizational-Unit'],
      [`CN=Builtin,${BASE}`, 'Container'],
      [`CN=Team,OU=Staff,${BASE}`, 'Group'],
    ])
      assert.equal(
        (await read(dn, ['objectCategory'])).objectCategory,
        `CN=${category},CN=Schema,CN=Configuration,${BASE}`,
      );
  });

  it('security principals get unique SIDs of one domain; the domain head carries the domain SID', async () => {
    const sid = async (cn: string) =>
      sidText((await read(`CN=${cn},OU=Staff,${BASE}`, ['objectSid'])).objectSid as Buffer);
    const sids = await Promise.all(['Ann Lee', 'Bo Dahl', 'WS01', 'Team'].map(sid));
    const domain = sidText((await read(BASE, ['objectSid'])).objectSid as Buffer);
    assert.match(domain, /^S-1-5-21-\d+-\d+-\d+$/);
    for (const s of sids) assert.match(s, new RegExp(`^${domain}-\\d+$`));
    assert.equal(new Set(sids).size, 4);
    const contact = await read(`CN=Cy Ek,OU=Staff,${BASE}`, ['objectSid', 'instanceType']);
    assert.deepEqual([contact.objectSid ?? []].flat(), []);
    assert.equal(contact.instanceType, '4');
    assert.equal((await read(BASE, ['instanceType'])).instanceType, '5');
  });

  it('whenCreated and uSNCreated at load; a modify moves whenChanged, uSNChanged and highestCommittedUSN; reset restores them', async () => {
    const dn = `CN=Ann Lee,OU=Staff,${BASE}`;
    const loaded = await read(dn, [
      'whenCreated',
      'whenChanged',
      'uSNCreated',
      'uSNChanged',
      'distinguishedName',
      'name',
    ]);
    assert.equal(loaded.whenCreated, '20150309083000.0Z');
    assert.equal(loaded.whenChanged, '20150309083000.0Z');
    assert.equal(loaded.uSNChanged, loaded.uSNCreated);
    assert.deepEqual([loaded.distinguishedName, loaded.name], [dn, 'Ann Lee']);
    const highest = await highestUsn();
    assert.ok(highest >= Number(loaded.uSNChanged), `${highest} >= ${loaded.uSNChanged}`);
    await adminCall(mock, 'PUT', '/__admin/clock', JSON.stringify({ now: '2015-03-10T09:00:00Z' }));
    await client.modify(dn, replace('title', 'Lead'));
    const changed = await read(dn, ['whenCreated', 'whenChanged', 'uSNChanged', 'uSNCreated']);
    assert.equal(changed.whenChanged, '20150310090000.0Z');
    assert.equal(changed.whenCreated, '20150309083000.0Z');
    assert.equal(Number(changed.uSNChanged), highest + 1);
    assert.equal(changed.uSNCreated, loaded.uSNCreated);
    assert.equal(await highestUsn(), highest + 1);
    await adminCall(mock, 'POST', '/__admin/reset', '{}');
    const restored = await read(dn, ['whenChanged', 'uSNChanged', 'title']);
    assert.deepEqual(
      [restored.whenChanged, restored.uSNChanged, [restored.title ?? []].flat().length],
      [loaded.whenChanged, loaded.uSNChanged, 0],
    );
    assert.equal(await highestUsn(), highest);
  });

  it('an add gets every operational attribute and the next RID; reset gives the same again; modDN stamps the move', async () => {
    const dn = `CN=Di Fox,OU=Staff,${BASE}`;
    await client.add(dn, {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      sAMAccountName: 'dfox',
    });
    const added = await read(dn, [
      'objectCategory',
      'objectSid',
      'objectGUID',
      'whenCreated',
      'uSNCreated',
      'instanceType',
      'name',
    ]);
    assert.equal(added.objectCategory, `CN=Person,CN=Schema,CN=Configuration,${BASE}`);
    assert.deepEqual(
      [added.instanceType, added.name, added.whenCreated],
      ['4', 'Di Fox', '20141201000000.0Z'],
    );
    const first = sidText(added.objectSid as Buffer);
    await client.modifyDN(dn, 'CN=Di Fox-Ek');
    const moved = await read(`CN=Di Fox-Ek,OU=Staff,${BASE}`, ['uSNChanged', 'uSNCreated', 'objectSid']);
    assert.equal(Number(moved.uSNChanged), Number(moved.uSNCreated) + 1);
    assert.equal(sidText(moved.objectSid as Buffer), first);
    await adminCall(mock, 'POST', '/__admin/reset', '{}');
    await client.add(dn, { objectClass: ['top', 'user'], sAMAccountName: 'dfox' });
    const again = await read(dn, ['objectSid', 'uSNCreated']);
    assert.deepEqual([sidText(again.objectSid as Buffer), again.uSNCreated], [first, added.uSNCreated]);
  });

  it("an export's memberOf is not kept: the back-link comes from the groups, once", async () => {
    const r = await ldapTool(
      mock,
      'ldapsearch',
      ['-b', `CN=Ann Lee,OU=Staff,${BASE}`, '-s', 'base', '*'],
      '',
      ADMIN,
    );
    assert.equal(r.out.match(/^memberOf: /gm)?.length, 1, r.out);
  });

  it('clients cannot write what the DC maintains', async () => {
    for (const type of ['whenCreated', 'uSNChanged', 'instanceType', 'objectSid']) {
      await assert.rejects(
        client.add(`CN=Eve,OU=Staff,${BASE}`, { objectClass: 'contact', [type]: '1' }),
        (e: { code?: number }) => e.code === 53,
        type,
      );
      await assert.rejects(
        client.modify(`CN=Cy Ek,OU=Staff,${BASE}`, replace(type, '1')),
        (e: { code?: number }) => e.code === 53,
        type,
      );
    }
  });
});
