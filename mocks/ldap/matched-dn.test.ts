import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StartedMock } from '../admin';
import { startLdapMock } from './index';
import { ADMIN_DN, adminCall, ldapTool } from './test-helpers';

const STAFF = 'OU=Staff,DC=abc,DC=corp';
const LDIF = `dn: DC=abc,DC=corp\nobjectClass: domainDNS\ndc: abc\n\ndn: ${STAFF}\nobjectClass: organizationalUnit\nou: Staff\n\ndn: CN=Ann Lee,${STAFF}\nobjectClass: contact\ncn: Ann Lee\n`;
/** Two levels below OU=Staff: neither OU=Gone nor the object exists. */
const MISSING = `CN=Nobody,OU=Gone,${STAFF}`;

let mock: StartedMock;

/** The matched DN and AD's best-match text, as the OpenLDAP tools print them. */
function matched(out: string): { dn: string | undefined; bestMatch: string | undefined } {
  return {
    dn: /matched DN: (.*)$/im.exec(out)?.[1],
    bestMatch: /best match of:\n\t'([^']*)'\n/.exec(out)?.[1],
  };
}

describe('mock DC: noSuchObject names the closest existing ancestor (matchedDN and best match)', () => {
  before(async () => {
    mock = await startLdapMock({ service: 'ldap-matched-dn' });
    assert.equal((await adminCall(mock, 'PUT', '/__admin/data', LDIF)).status, 200);
  });
  after(() => mock.stop());

  it('a search base two levels below an existing OU', async () => {
    const r = await ldapTool(mock, 'ldapsearch', ['-b', MISSING, '-s', 'base', '(objectClass=*)']);
    assert.equal(r.code, 32, r.out);
    assert.deepEqual(matched(r.out), { dn: STAFF, bestMatch: STAFF });
    const spelled = await ldapTool(mock, 'ldapsearch', ['-b', 'cn=x,cn=y,ou=st\\61ff,dc=abc,dc=corp', '1.1']);
    assert.equal(matched(spelled.out).dn, STAFF, 'the ancestor as the DC writes its DN');
  });

  it('an add whose parent is missing, and modify, delete and modDN of a missing object', async () => {
    const changes = [
      `dn: ${MISSING}\nchangetype: add\nobjectClass: contact\n`,
      `dn: ${MISSING}\nchangetype: modify\nreplace: description\ndescription: x\n`,
      `dn: ${MISSING}\nchangetype: delete\n`,
      `dn: ${MISSING}\nchangetype: modrdn\nnewrdn: CN=Somebody\ndeleteoldrdn: 1\n`,
    ];
    for (const change of changes) {
      await adminCall(mock, 'POST', '/__admin/reset', '{}');
      const r = await ldapTool(mock, 'ldapmodify', [], change, ADMIN_DN);
      assert.equal(r.code, 32, `${change}${r.out}`);
      assert.deepEqual(matched(r.out), { dn: STAFF, bestMatch: STAFF }, change);
    }
  });

  it('a move under a missing parent names the parent’s closest ancestor', async () => {
    const move = `dn: CN=Ann Lee,${STAFF}\nchangetype: modrdn\nnewrdn: CN=Ann Lee\ndeleteoldrdn: 1\nnewsuperior: OU=Gone,OU=Away,DC=abc,DC=corp\n`;
    const r = await ldapTool(mock, 'ldapmodify', [], move);
    assert.equal(r.code, 32, r.out);
    assert.equal(matched(r.out).dn, 'DC=abc,DC=corp');
  });
});
