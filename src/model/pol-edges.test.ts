import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ASSIGN_TO_GROUP_PS1 } from '../clients/ldap/assign-to-group';
import { DirectoryEntry } from '../tenant/entry';
import { directoryOf, grantedBy, policyFromGroup, policyHolders, taskAssigns } from './pol';
import { MAX_VAL_RANGE } from './pol-range';

// Rule edges of src/model/pol.ts that a mutation run (docs/mutation.md) showed no test pinned down.

const dn = (cn: string) => `CN=${cn},OU=Users,DC=abc,DC=corp`;
const user = (cn: string) => new DirectoryEntry(dn(cn), { objectClass: ['top', 'person', 'user'], cn });
const groupOf = (cn: string, member: string[]) =>
  new DirectoryEntry(`CN=${cn},OU=Groups,DC=abc,DC=corp`, { objectClass: ['top', 'group'], cn, member });

test('POL-01: the grantees are the direct user members, in DN order, whatever order member lists them', () => {
  const group = groupOf('G', [dn('Zoe'), dn('Anna'), dn('Not In This Domain')]);
  const directory = directoryOf([user('Zoe'), user('Anna'), group]);
  assert.deepEqual(
    grantedBy(group, directory).value,
    [dn('Anna'), dn('Zoe')],
    'a member not in the directory is no user',
  );
});

test('POL-05: the holders after several runs, each once, in DN order', () => {
  assert.deepEqual(policyHolders([[dn('Zoe')], [dn('Anna'), dn('Zoe')]]).value, [dn('Anna'), dn('Zoe')]);
});

test('POL-07 decides for a member of a group past MaxValRange, even one also reached through nesting', () => {
  const members = Array.from({ length: MAX_VAL_RANGE }, (_, i) => dn(`U${i}`));
  const inner = groupOf('Inner', [dn('Mia')]);
  const big = groupOf('Big', [...members, inner.dn]);
  const directory = directoryOf([user('U0'), user('Mia'), inner, big]);
  for (const who of [dn('U0'), dn('Mia')]) {
    const decided = policyFromGroup(who, big, directory);
    assert.equal(decided.value, null, who);
    assert.deepEqual(decided.rules, ['POL-07'], who);
  }
});

test("POL-06 before POL-03: a task whose action does not start the script assigns nothing, whatever the script's quotes", () => {
  const setup = { logOnAsService: true, lyncServerAdmin: true, script: ASSIGN_TO_GROUP_PS1 };
  const notes = {
    program: 'powershell.exe',
    arguments: 'C:\\Scripts\\A.ps1',
    scriptPath: 'C:\\Scripts\\A.ps1',
  };
  assert.equal(taskAssigns({ ...setup, action: notes }).value, true);
  const notepad = taskAssigns({
    ...setup,
    action: { ...notes, program: 'C:\\Scripts\\A.ps1', arguments: '' },
  });
  assert.equal(notepad.value, false);
  assert.deepEqual(notepad.rules, ['POL-06']);
});
