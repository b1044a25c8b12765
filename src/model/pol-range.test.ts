import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DirectoryEntry } from '../tenant/entry';
import { directoryOf, grantedBy } from './pol';
import { maxValRange, memberAttributeName, memberReadByScript } from './pol-range';

function groupOf(members: number) {
  const users = Array.from(
    { length: members },
    (_, i) =>
      new DirectoryEntry(`CN=U${i},OU=Users,DC=abc,DC=corp`, { objectClass: ['top', 'user'], cn: `U${i}` }),
  );
  const group = new DirectoryEntry('CN=CSLyncRecordingUsers,OU=Users,DC=abc,DC=corp', {
    objectClass: ['top', 'group'],
    sAMAccountName: 'CSLyncRecordingUsers',
    member: users.map((u) => u.dn),
  });
  return { group, directory: directoryOf([group, ...users]) };
}

test('POL-07: up to MaxValRange the script reads member whole; one past it, nothing', () => {
  const at = groupOf(maxValRange());
  assert.equal(memberReadByScript(at.group).value, 'read whole');
  assert.equal(memberAttributeName(at.group).value, 'member');
  assert.equal(grantedBy(at.group, at.directory).value.length, 1500);
  const past = groupOf(maxValRange() + 1);
  assert.equal(memberReadByScript(past.group).value, 'over MaxValRange');
  assert.equal(memberAttributeName(past.group).value, 'member;range=0-1499');
  assert.deepEqual(grantedBy(past.group, past.directory).value, []);
  assert.deepEqual(grantedBy(past.group, past.directory).rules, ['POL-07']);
});
