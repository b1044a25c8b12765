import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DirectoryEntry } from '../tenant/entry';
import { addressBookFinds } from './srch-address-book';

const SIP = 'msRTCSIP-PrimaryUserAddress';
const entry = (cn: string, kind: string, attrs: Record<string, string> = {}) =>
  new DirectoryEntry(`CN=${cn},OU=Staff,DC=abc,DC=corp`, { objectClass: ['top', kind], cn, ...attrs });

const anna = entry('aberg', 'user', { displayName: 'Anna Berg', [SIP]: 'sip:anna.berg@abc.corp' });
const pat = entry('Pat Kim', 'contact', { [SIP]: 'sip:pkim@xyz.com' });
const noSip = entry('Jed Hill', 'user', { displayName: 'Jed Hill', mail: 'jhill@abc.corp' });
const group = entry('Lync Team', 'group', { displayName: 'Lync Team', [SIP]: 'sip:team@abc.corp' });
const book = [anna, pat, noSip, group];
const finds = (query: string, name: string) => addressBookFinds(book, query, name).value;

test('SRCH-08: the Lync address book matches the start of any word of the name, or of the SIP address', () => {
  assert.equal(finds('Ann', 'Anna Berg'), true, 'first name');
  assert.equal(finds('berg', 'Anna Berg'), true, 'last name, any case');
  assert.equal(finds('  ANNA.B ', 'Anna Berg'), true, 'SIP address without sip:, query trimmed');
  assert.equal(finds('nna', 'Anna Berg'), false, 'not the middle of a word');
  assert.equal(finds('erg', 'Anna Berg'), false, 'nor the end of one');
  assert.equal(finds('abc.corp', 'Anna Berg'), false, "nor the SIP address's domain");
  assert.equal(finds('Jed', 'Anna Berg'), false, "another person's name");
});

test('SRCH-08: the book holds users and contacts with a SIP address, by display name or else CN', () => {
  assert.equal(finds('Pat', 'Pat Kim'), true, 'a GALSync contact, named by its CN');
  assert.equal(finds('Kim', 'Pat Kim'), true);
  assert.equal(finds('aberg', 'Anna Berg'), false, 'the CN is not searched when there is a display name');
  assert.equal(finds('Jed', 'Jed Hill'), false, 'a user without a SIP address is not in the book');
  assert.equal(finds('Lync', 'Lync Team'), false, 'nor is a group');
  assert.equal(finds('Anna', 'Nobody'), false);
  assert.deepEqual(addressBookFinds(book, 'Ann', 'Anna Berg').rules, ['SRCH-08']);
  assert.deepEqual(addressBookFinds(book, 'Jed', 'Jed Hill').rules, ['SRCH-08']);
});
