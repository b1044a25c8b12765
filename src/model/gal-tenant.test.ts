import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGalSyncFlow } from '../clients/ldap/galsync-flow';
import { DirectoryEntry } from '../tenant/entry';
import { projectContact } from './gal';
import { projectedAttribute, projectionExported } from './gal-tenant';

const documented = loadGalSyncFlow(`${__dirname}/../../examples/galsync/documented.yaml`);
const blankName = new DirectoryEntry('CN=Dana Lee,OU=Users,DC=abc,DC=corp', {
  objectClass: ['top', 'person', 'organizationalPerson', 'user'],
  cn: 'Dana Lee',
  displayName: '',
  sAMAccountName: 'dlee',
  mail: 'dana.lee@abc.corp',
});

test('GAL-05/07: a rejected user has no contact: no attribute to read, nothing to export', () => {
  const rejected = projectContact(blankName, documented, 'DC=xyz,DC=corp');
  assert.equal(rejected.value.outcome, 'rejected');
  assert.equal(projectedAttribute(rejected, 'mailNickname').value, null);
  const exported = projectionExported(rejected);
  assert.equal(exported.value, false);
  assert.deepEqual(exported.rules, ['GAL-05', 'GAL-07']);
});
