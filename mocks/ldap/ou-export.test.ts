import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from 'ldapts';
import type { StartedMock } from '../admin';
import { startLdapMock } from './index';
import { adminCall, dnsIn, ldapTool, PASSWORD } from './test-helpers';

/** `ldifde -d "OU=Staff,OU=EMEA,DC=corp,DC=contoso,DC=com"`: no head, no OU=EMEA, and OU=Sales left out. */
const HEAD = 'DC=corp,DC=contoso,DC=com';
const STAFF = `OU=Staff,OU=EMEA,${HEAD}`;
const ADMIN = `CN=Administrator,CN=Users,${HEAD}`;
const OU_EXPORT = [
  `dn: ${STAFF}\nobjectClass: top\nobjectClass: organizationalUnit\nou: Staff`,
  `dn: CN=Pat Kim,${STAFF}\nobjectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: user\ncn: Pat Kim\nsAMAccountName: pkim`,
  `dn: CN=Lee Chan,OU=Sales,${STAFF}\nobjectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: contact\ncn: Lee Chan`,
].join('\n\n');
const ADDED = [HEAD, `OU=EMEA,${HEAD}`, `OU=Sales,${STAFF}`];

let mock: StartedMock;

async function search(base: string, scope: 'base' | 'sub', filter = '(objectClass=*)', attributes = ['*']) {
  const client = new Client({ url: mock.urls.ldap });
  try {
    await client.bind(ADMIN, PASSWORD);
    return (await client.search(base, { scope, filter, attributes })).searchEntries;
  } finally {
    await client.unbind();
  }
}

describe('mock DC loaded with the export of one OU: its naming context and the OUs above exist', () => {
  before(async () => {
    mock = await startLdapMock({ service: 'ldap-ou-export' });
  });
  after(() => mock.stop());

  it('the load answer names the objects the DC added, and ldapts reads them by base search', async () => {
    const loaded = await adminCall(mock, 'PUT', '/__admin/data', OU_EXPORT);
    assert.equal(loaded.status, 200, JSON.stringify(loaded.json));
    assert.deepEqual(loaded.json, { entries: 6, baseDn: HEAD, addedParents: ADDED });
    const [head] = await search(HEAD, 'base');
    assert.deepEqual(head.objectClass, ['top', 'domain', 'domainDNS']);
    assert.equal(head.objectCategory, `CN=Domain-DNS,CN=Schema,CN=Configuration,${HEAD}`);
    assert.equal(head.instanceType, '5');
    const [emea] = await search(`OU=EMEA,${HEAD}`, 'base');
    assert.deepEqual(
      [emea.ou, emea.name, emea.objectCategory],
      ['EMEA', 'EMEA', `CN=Organizational-Unit,CN=Schema,CN=Configuration,${HEAD}`],
    );
    const [pat] = await search(`CN=Pat Kim,${STAFF}`, 'base');
    assert.equal(pat.sAMAccountName, 'pkim');
    const people = await search(HEAD, 'sub', '(objectCategory=person)', ['cn']);
    assert.deepEqual(people.map((e) => e.cn).sort(), ['Lee Chan', 'Pat Kim']);
  });

  it('ldapsearch reads the head the rootDSE advertises, the added OUs and the objects', async () => {
    await adminCall(mock, 'PUT', '/__admin/data', OU_EXPORT);
    const tool = (...args: string[]) => ldapTool(mock, 'ldapsearch', args, '', ADMIN);
    const rootDse = await tool('-b', '', '-s', 'base', 'defaultNamingContext');
    assert.match(rootDse.out, new RegExp(`^defaultNamingContext: ${HEAD}$`, 'm'));
    const head = await tool('-b', HEAD, '-s', 'base', 'objectClass');
    assert.equal(head.code, 0, head.out);
    assert.match(head.out, /^objectClass: domainDNS$/m);
    const sales = await tool('-b', `OU=Sales,${STAFF}`, '-s', 'base', 'ou');
    assert.match(sales.out, /^ou: Sales$/m);
    const all = await tool('-b', HEAD, '-s', 'sub', '(objectClass=*)', '1.1');
    assert.deepEqual(
      dnsIn(all.out).sort(),
      [...ADDED, STAFF, `CN=Pat Kim,${STAFF}`, `CN=Lee Chan,OU=Sales,${STAFF}`].sort(),
    );
  });

  it('an export with change records gets its missing parents too', async () => {
    const withChanges = `${OU_EXPORT}\n\ndn: CN=Pat Kim,${STAFF}\nchangetype: modify\nreplace: title\ntitle: Lead\n`;
    const loaded = await adminCall(mock, 'PUT', '/__admin/data', withChanges);
    assert.equal(loaded.status, 200, JSON.stringify(loaded.json));
    assert.deepEqual((loaded.json.addedParents as string[]).sort(), [...ADDED].sort());
    const [head] = await search(HEAD, 'base', '(objectClass=*)', ['objectCategory']);
    assert.equal(head.objectCategory, `CN=Domain-DNS,CN=Schema,CN=Configuration,${HEAD}`);
    const [pat] = await search(`CN=Pat Kim,${STAFF}`, 'base', '(objectClass=*)', ['title']);
    assert.equal(pat.title, 'Lead');
  });

  it('a whole-domain export gets nothing added', async () => {
    const whole = `dn: ${HEAD}\nobjectClass: domainDNS\ndc: corp\n\ndn: OU=EMEA,${HEAD}\nobjectClass: organizationalUnit\nou: EMEA\n\n${OU_EXPORT.replace(`dn: CN=Lee Chan,OU=Sales`, 'dn: CN=Lee Chan')}`;
    const loaded = await adminCall(mock, 'PUT', '/__admin/data', whole);
    assert.deepEqual(loaded.json.addedParents, []);
  });
});
