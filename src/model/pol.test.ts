import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASSIGN_TO_GROUP_PS1, withImportQuotes } from '../clients/ldap/assign-to-group';
import { DirectoryEntry } from '../tenant/entry';
import { directoryOf, grantedBy, nestedOnlyMembers, policyHolders, taskAssigns } from './pol';
import { importModuleQuotes } from './pol-import-module';

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
const directory = directoryOf([user('Anna Berg'), user('Ivan Novak'), user('Mia Stone'), leads, group]);

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

describe('pol model and DN spellings', () => {
  it('member values written with other escapes or case still name the same objects', () => {
    const renee = new DirectoryEntry('CN=Renée Roy,OU=Users,DC=abc,DC=corp', { objectClass: ['user'] });
    const team = new DirectoryEntry('CN=Team,OU=Groups,DC=abc,DC=corp', {
      objectClass: ['group'],
      member: ['cn=ren\\c3\\a9e roy, ou=users,dc=ABC,dc=corp'],
    });
    const top = new DirectoryEntry('CN=Top,OU=Groups,DC=abc,DC=corp', {
      objectClass: ['group'],
      member: ['CN=Team,OU=Groups,DC=abc,DC=corp'],
    });
    const all = directoryOf([renee, team, top]);
    assert.deepEqual(grantedBy(team, all).value, ['cn=ren\\c3\\a9e roy, ou=users,dc=ABC,dc=corp']);
    assert.deepEqual(nestedOnlyMembers(top, all).value, ['CN=Renée Roy,OU=Users,DC=abc,DC=corp']);
  });
});
