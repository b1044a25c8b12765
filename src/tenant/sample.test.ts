import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeLdif } from './ldif-writer';
import { buildSampleTenant } from './sample';
import { contactsOf, forestByRole, usersOf } from './tenant';

test('the sample tenant is deterministic', () => {
  const a = buildSampleTenant({ extraObjects: 500 });
  const b = buildSampleTenant({ extraObjects: 500 });
  assert.equal(writeLdif(a.forests[1].entries), writeLdif(b.forests[1].entries));
});

test('the named people of the notes and the planted defects are there', () => {
  const tenant = buildSampleTenant();
  const xyz = forestByRole(tenant, 'online');
  const abc = forestByRole(tenant, 'onpremises');
  const contact = (name: string) => contactsOf(xyz).find((c) => c.first('cn') === name);
  assert.equal(contact('Jed Hill')?.first('msRTCSIP-PrimaryUserAddress'), 'sip:jed.hill@fabrikam.example');
  assert.equal(contact('Carl Ortiz')?.first('msRTCSIP-PrimaryUserAddress'), 'carl.ortiz@abc.corp');
  assert.equal(contact('Erik Moss')?.has('msRTCSIP-PrimaryUserAddress'), false);
  assert.equal(contact('Fiona Grant')?.has('mailNickname'), false);
  assert.equal(contact('Gus Hale')?.first('targetAddress'), 'gus.hale@abc.corp');
  assert.equal(contact('Dana Lee'), undefined, 'a user with a blank displayName is not projected');
  assert.ok(
    contactsOf(xyz).every((c) => !c.has('sAMAccountName')),
    'contacts hold no sAMAccountName',
  );
  const group = abc.entries.find((e) => e.first('sAMAccountName') === 'CSLyncRecordingUsers');
  assert.equal(group?.get('member').length, 3);
  const sam = usersOf(xyz).find((u) => u.first('sAMAccountName') === 'swu');
  assert.notEqual(sam?.first('msRTCSIP-PrimaryUserAddress'), `sip:${sam?.first('mail')}`);
});

test('--sample-size adds about that many objects', () => {
  const base = buildSampleTenant();
  const big = buildSampleTenant({ extraObjects: 1000 });
  const count = (t: typeof base) => t.forests.reduce((n, f) => n + f.entries.length, 0);
  const added = count(big) - count(base);
  assert.ok(added >= 950 && added <= 1010, `added ${added}`);
});
