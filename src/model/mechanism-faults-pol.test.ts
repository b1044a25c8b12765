import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ASSIGN_TO_GROUP_PS1, withImportQuotes } from '../clients/ldap/assign-to-group';
import { DirectoryEntry } from '../tenant/entry';
import { useMechanism } from './mechanism';
import {
  directoryOf,
  grantedBy,
  nestedOnlyMembers,
  policyFromGroup,
  policyHolders,
  scriptFires,
  taskAssigns,
} from './pol';
import { taskActionRunsScript } from './pol-task-action';

// The model's side of the selftest's mechanism faults in POL: each changed fact changes the decision that
// reads it (the mutation run showed no unit test reached these branches).

afterEach(() => useMechanism());

test('POL-02: without write access for RTCUniversalServerAdmins the task assigns nothing', () => {
  const task = { logOnAsService: true, lyncServerAdmin: true, script: ASSIGN_TO_GROUP_PS1 };
  useMechanism({ pol: { lyncAdminsMayWriteUsers: false } });
  assert.equal(taskAssigns(task).value, false);
  assert.deepEqual(taskAssigns(task).rules, ['POL-02']);
});

test('POL-03: where PowerShell reads typographic and double quotes as quotes, the task fires with any of them', () => {
  const quoted = (open: string, close: string) => withImportQuotes(ASSIGN_TO_GROUP_PS1, open, close);
  const kinds = [quoted('\u2018', '\u2019'), quoted('"', '"'), quoted('\u201c', '\u201d')];
  for (const script of kinds) assert.equal(scriptFires(script).value, false);
  useMechanism({ pol: { onlyPlainSingleQuotesFire: false } });
  for (const script of kinds) {
    assert.equal(scriptFires(script).value, true);
    assert.deepEqual(scriptFires(script).rules, ['POL-03']);
    const task = { logOnAsService: true, lyncServerAdmin: true, script };
    assert.equal(taskAssigns(task).value, true);
  }
  assert.equal(scriptFires(ASSIGN_TO_GROUP_PS1.replace(/'/g, '')).value, false, 'no quotes: still not');
});

test('POL-06: where PowerShell reads a first argument as -File, a quoted location with a space runs', () => {
  const spaced = 'C:\\Lync Scripts\\Assign-ToGroup.ps1';
  const action = (args: string) => ({ program: 'powershell.exe', arguments: args, scriptPath: spaced });
  assert.equal(taskActionRunsScript(action(`"${spaced}"`)).value, false);
  useMechanism({ pol: { firstArgumentIsFile: true } });
  assert.equal(taskActionRunsScript(action(`"${spaced}"`)).value, true);
  assert.equal(
    taskActionRunsScript(action(`-NoProfile "${spaced}" x`)).value,
    true,
    "the script's argument after it",
  );
  assert.equal(taskActionRunsScript(action('"C:\\Other\\x.ps1"')).value, false);
  assert.equal(taskActionRunsScript(action(spaced)).value, false, 'unquoted, the path is cut at the space');
  assert.equal(taskActionRunsScript(action(`-Command "${spaced}"`)).value, false, '-Command is still text');
});

test('POL-04/05: a script that expands nested groups, or revokes from leavers', () => {
  const group = new DirectoryEntry('CN=G,DC=abc,DC=corp', {
    objectClass: ['group'],
    member: ['CN=Ann,DC=abc,DC=corp', 'CN=Sub,DC=abc,DC=corp'],
  });
  const sub = new DirectoryEntry('CN=Sub,DC=abc,DC=corp', {
    objectClass: ['group'],
    member: ['CN=Mia,DC=abc,DC=corp'],
  });
  const user = (cn: string) => new DirectoryEntry(`CN=${cn},DC=abc,DC=corp`, { objectClass: ['user'] });
  const directory = directoryOf([group, sub, user('Ann'), user('Mia')]);
  assert.deepEqual(grantedBy(group, directory).value, ['CN=Ann,DC=abc,DC=corp']);
  assert.deepEqual(nestedOnlyMembers(group, directory).value, ['CN=Mia,DC=abc,DC=corp']);
  assert.deepEqual(policyHolders([['a', 'b'], ['a']]).value, ['a', 'b']);
  useMechanism({ pol: { scriptReadsDirectMembersOnly: false, taskOnlyGrants: false } });
  assert.deepEqual(grantedBy(group, directory).value, ['CN=Ann,DC=abc,DC=corp', 'CN=Mia,DC=abc,DC=corp']);
  assert.deepEqual(nestedOnlyMembers(group, directory).value, []);
  assert.equal(policyFromGroup('CN=Mia,DC=abc,DC=corp', group, directory).value, 'RecordingAllowed');
  assert.deepEqual(policyHolders([['a', 'b'], ['a']]).value, ['a']);
  assert.deepEqual(policyHolders([]).value, [], 'no run: no one');
  assert.deepEqual(policyHolders([['a', 'b'], ['a']]).rules, ['POL-05']);
});

test('POL-04/05: expanded members and the last run are listed in DN order, and the last run is the last one', () => {
  const group = new DirectoryEntry('CN=G,DC=abc,DC=corp', {
    objectClass: ['group'],
    member: ['CN=Zed,DC=abc,DC=corp', 'CN=Sub,DC=abc,DC=corp'],
  });
  const sub = new DirectoryEntry('CN=Sub,DC=abc,DC=corp', {
    objectClass: ['group'],
    member: ['CN=Mia,DC=abc,DC=corp'],
  });
  const user = (cn: string) => new DirectoryEntry(`CN=${cn},DC=abc,DC=corp`, { objectClass: ['user'] });
  const directory = directoryOf([group, sub, user('Zed'), user('Mia')]);
  useMechanism({ pol: { scriptReadsDirectMembersOnly: false, taskOnlyGrants: false } });
  assert.deepEqual(grantedBy(group, directory).value, ['CN=Mia,DC=abc,DC=corp', 'CN=Zed,DC=abc,DC=corp']);
  assert.deepEqual(policyHolders([['a'], ['b'], ['d', 'c']]).value, ['c', 'd']);
});
