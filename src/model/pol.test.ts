import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASSIGN_TO_GROUP_PS1, withImportQuotes } from '../clients/ldap/assign-to-group';
import { DirectoryEntry } from '../tenant/entry';
import { grantedBy, importModuleQuotes, nestedOnlyMembers, policyHolders, taskAssigns } from './pol';

const dn = (cn: string) => `CN=${cn},OU=Users,DC=abc,DC=corp`;
const user = (cn: string) => new DirectoryEntry(dn(cn), { objectClass: ['top', 'person', 'user'], cn });
const leads = new DirectoryEntry('CN=Recording Team Leads,OU=Groups,DC=abc,DC=corp', {
  objectClass: ['top', 'group'],
  member: [dn('Mia Stone')],
});
const group = new DirectoryEntry('CN=CSLyncRecordingUsers,OU=Groups,DC=abc,DC=corp', {
  objectClass: ['top', 'group'],
  member: [dn('Anna Berg'), dn('Ivan Novak'), leads.dn],
});
const directory = new Map(
  [user('Anna Berg'), user('Ivan Novak'), user('Mia Stone'), leads, group].map((e) => [
    e.dn.toLowerCase(),
    e,
  ]),
);

describe('pol model', () => {
  it('POL-01/04: direct user members are granted, the nested group is not expanded', () => {
    assert.deepEqual(grantedBy(group, directory).value, [dn('Anna Berg'), dn('Ivan Novak')]);
    assert.deepEqual(nestedOnlyMembers(group, directory).value, [dn('Mia Stone')]);
  });

  it('POL-02/03: the right, the admin group and plain single quotes are all needed', () => {
    const ok = { logOnAsService: true, lyncServerAdmin: true, script: ASSIGN_TO_GROUP_PS1 };
    assert.equal(taskAssigns(ok).value, true);
    assert.equal(taskAssigns({ ...ok, logOnAsService: false }).value, false);
    assert.equal(taskAssigns({ ...ok, lyncServerAdmin: false }).value, false);
    const typographic = withImportQuotes(ASSIGN_TO_GROUP_PS1, '\u2018', '\u2019');
    assert.equal(importModuleQuotes(typographic).value, 'typographic');
    assert.equal(taskAssigns({ ...ok, script: typographic }).value, false);
    assert.equal(importModuleQuotes(withImportQuotes(ASSIGN_TO_GROUP_PS1, '"', '"')).value, 'double');
  });

  it('POL-05: removal from the group revokes nothing', () => {
    assert.deepEqual(policyHolders([[dn('Anna Berg'), dn('Ivan Novak')], [dn('Ivan Novak')]]).value, [
      dn('Anna Berg'),
      dn('Ivan Novak'),
    ]);
  });
});
