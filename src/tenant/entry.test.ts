import assert from 'node:assert/strict';
import test from 'node:test';
import { DirectoryEntry } from './entry';

test('names match case-insensitively and keep the spelling they were first written with', () => {
  const e = new DirectoryEntry('CN=a', { sAMAccountName: 'a', Mail: ['a@x', 'b@x'] });
  assert.deepEqual(e.get('samaccountname'), ['a']);
  assert.deepEqual(e.get('MAIL'), ['a@x', 'b@x']);
  e.set('SAMACCOUNTNAME', ['b']);
  assert.deepEqual(e.names(), ['sAMAccountName', 'Mail']);
  assert.equal(e.first('sAMAccountName'), 'b');
  assert.equal(e.has('cn'), false);
});

test('add, delete by value (text case-insensitively), delete all, and an empty set removes the attribute', () => {
  const e = new DirectoryEntry('CN=g', { member: 'CN=A' });
  e.add('Member', 'CN=B').add('description', 'd');
  assert.deepEqual(e.get('member'), ['CN=A', 'CN=B']);
  assert.deepEqual(e.names(), ['member', 'description']);
  e.delete('member', ['cn=a']);
  assert.deepEqual(e.get('member'), ['CN=B']);
  e.delete('description');
  e.set('member', []);
  assert.deepEqual(e.names(), []);
  assert.deepEqual(e.toJSON(), { dn: 'CN=g', attributes: {} });
});

test('a clone and the values given to the constructor are copies: changing one leaves the other', () => {
  const given = ['top', 'user'];
  const e = new DirectoryEntry('CN=u', { objectClass: given, objectGUID: new Uint8Array([1, 2]) });
  given.push('computer');
  assert.equal(e.isA('computer'), false);
  const copy = e.clone('CN=v');
  copy.add('objectClass', 'computer');
  assert.equal(e.isA('computer'), false);
  assert.equal(copy.isA('COMPUTER'), true);
  assert.equal(copy.dn, 'CN=v');
  assert.deepEqual(e.toJSON().attributes.objectGUID, ['base64:AQI=']);
});

test('an attribute named twice in different case in one constructor call is one attribute', () => {
  const e = new DirectoryEntry('CN=d', { mail: 'a@x', MAIL: 'b@x' });
  assert.deepEqual(e.names(), ['mail']);
  assert.deepEqual(e.get('mail'), ['b@x']);
});
