import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingParents } from './missing-parents';

test('an OU export gets its naming-context head and the containers above the OU, parents first', () => {
  const added = missingParents([
    'CN=Pat Kim,OU=Sales,OU=Staff,DC=corp,DC=contoso,DC=com',
    'CN=Lee Chan,OU=Sales,OU=Staff,DC=corp,DC=contoso,DC=com',
    'CN=svc,CN=Users,DC=corp,DC=contoso,DC=com',
    'OU=Staff,DC=corp,DC=contoso,DC=com',
  ]);
  assert.deepEqual(
    added.map((e) => [e.dn, e.objectClasses().at(-1)]),
    [
      ['DC=corp,DC=contoso,DC=com', 'domaindns'],
      ['CN=Users,DC=corp,DC=contoso,DC=com', 'container'],
      ['OU=Sales,OU=Staff,DC=corp,DC=contoso,DC=com', 'organizationalunit'],
    ],
  );
  assert.equal(added[0].first('dc'), 'corp');
  assert.equal(added[1].first('cn'), 'Users');
  assert.equal(added[2].first('ou'), 'Sales');
});

test('a whole-domain export needs nothing; DN spellings do not matter', () => {
  assert.deepEqual(
    missingParents(['DC=abc,DC=corp', 'OU=Users,DC=abc,DC=corp', 'cn=x,ou=users,dc=ABC,dc=corp']),
    [],
  );
  assert.deepEqual(
    missingParents(['OU=R\\c3\\a9seau,DC=abc,DC=corp', 'DC=abc,DC=corp', 'CN=a,OU=Réseau,DC=abc,DC=corp']),
    [],
  );
});
