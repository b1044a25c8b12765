import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from 'ldapts';
import type { StartedMock } from '../admin';
import { startLdapMock } from './index';
import { ADMIN_DN, ANNA_FOREST, adminCall, ldapTool, PASSWORD } from './test-helpers';

const ANNA = 'CN=Anna Berg,OU=Users,DC=abc,DC=corp';
const LDIF = `${ANNA_FOREST}userPrincipalName: aberg@abc.corp\n`;

let mock: StartedMock;

/** A search that needs a bound session: AD answers an anonymous one operationsError (000004DC). */
async function searchAs(client: Client): Promise<number> {
  try {
    await client.search('DC=abc,DC=corp', { filter: '(sAMAccountName=aberg)', attributes: ['cn'] });
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
}

describe('mock DC: a name with an empty password is an unauthenticated bind (RFC 4513 §5.1.2)', () => {
  before(async () => {
    mock = await startLdapMock({ service: 'ldap-unauthenticated-bind' });
    assert.equal((await adminCall(mock, 'PUT', '/__admin/data', LDIF)).status, 200);
  });
  after(() => mock.stop());

  it('answers success for an account, the Administrator and a name that does not exist', async () => {
    for (const name of [ANNA, 'aberg@abc.corp', 'ABC\\aberg', ADMIN_DN, 'CN=Nobody,DC=abc,DC=corp']) {
      const client = new Client({ url: mock.urls.ldap });
      await client.bind(name, '');
      assert.equal(await searchAs(client), 1, `${name}: the session stays anonymous`);
      await client.unbind();
    }
  });

  it('turns a bound session back into an anonymous one', async () => {
    const client = new Client({ url: mock.urls.ldap });
    await client.bind(ADMIN_DN, PASSWORD);
    assert.equal(await searchAs(client), 0);
    await client.bind(ANNA, '');
    assert.equal(await searchAs(client), 1);
    await client.unbind();
  });

  it('ldapsearch -D with -w "": the bind succeeds, the search gets "a successful bind must be completed"', async () => {
    const r = await ldapTool(mock, 'ldapsearch', ['-b', 'DC=abc,DC=corp', '(cn=*)'], '', ANNA, '');
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /a successful bind must be completed/);
    assert.doesNotMatch(r.out, /Invalid credentials/);
  });
});
