import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedLync2013 } from '../../test/fixtures/search-setup';
import {
  findsExternalContacts,
  mapiSupplement,
  nameMatches,
  type Person,
  resultsShow,
  type SearchSetup,
  searchFinds,
  searchFindsPerson,
  typedSipAddressReaches,
  ucsLookup,
} from './srch';

// Rule edges of src/model/srch.ts that a mutation run (docs/mutation.md) showed no test pinned down.

const setup = cachedLync2013;
const person = (displayName: string, givenName?: string, surname?: string): Person => ({
  displayName,
  givenName,
  surname,
});
const jed = person('Jed Hill', 'Jed', 'Hill');

test('SRCH-11 is named beside the rule that decided whenever Lync 2010 or Outlook 2010 is in the pair', () => {
  const rules = (extra: Partial<SearchSetup>) => mapiSupplement(setup(extra)).rules;
  assert.deepEqual(rules({}), ['SRCH-03']);
  assert.deepEqual(rules({ lyncVersion: 2010, outlookVersion: 2010 }), ['SRCH-03', 'SRCH-11']);
  assert.deepEqual(rules({ lyncVersion: 2010, outlookVersion: 2013 }), ['SRCH-05', 'SRCH-11']);
  assert.deepEqual(rules({ lyncVersion: 2013, outlookVersion: 2010 }), ['SRCH-05', 'SRCH-11']);
  assert.deepEqual(rules({ outlookMode: 'online' }), ['SRCH-04']);
  assert.deepEqual(rules({ lyncVersion: 2010, outlookVersion: 2010, outlookMode: 'online' }), [
    'SRCH-04',
    'SRCH-11',
  ]);
  assert.deepEqual(rules({ outlookVersion: undefined }), ['SRCH-03'], 'no Outlook at all: no MAPI partner');
});

test('SRCH-01: the UCS look-up finds only the matching users, in name order', () => {
  const ucs = [person('Ann Zed'), person('Pat Kim'), person('Ann Able')];
  assert.deepEqual(ucsLookup(ucs, 'Ann').value, ['Ann Able', 'Ann Zed']);
});

test('SRCH-03: a search adds only the matching OAB entries to the UCS results, all in name order', () => {
  const directory = { ucs: [person('Al Zed')], oab: [person('Al Able'), jed] };
  assert.deepEqual(searchFinds(setup(), directory, 'Al').value, ['Al Able', 'Al Zed']);
  assert.deepEqual(searchFinds(setup(), directory, 'Jed').value, ['Jed Hill']);
  assert.equal(resultsShow(searchFinds(setup(), directory, 'Jed'), 'Jed Hill').value, true);
  assert.equal(resultsShow(searchFinds(setup(), directory, 'Jed'), 'Al Able').value, false);
});

test('SRCH-01: one object in the UCS is found through EWS, from any client', () => {
  const where = { inUcs: true, inOab: false };
  assert.equal(searchFindsPerson(setup({ client: 'lync-mac' }), jed, where, 'Jed').value, true);
  assert.equal(searchFindsPerson(setup({ autodiscover: 'missing' }), jed, where, 'Jed').value, false);
});

test('SRCH-03/10: with the OAB downloaded, the rule that decided is the cached-mode one, not SRCH-10', () => {
  assert.deepEqual(findsExternalContacts(setup()).rules, ['SRCH-03']);
  assert.deepEqual(findsExternalContacts(setup({ oabDownloaded: false })).rules, ['SRCH-10']);
});

test('SRCH-09: only a whole SIP address, with or without sip:, blanks around it aside', () => {
  assert.equal(typedSipAddressReaches('Jed.Hill@Fabrikam.example').value, 'sip:jed.hill@fabrikam.example');
  assert.equal(typedSipAddressReaches('  sip:jed@fabrikam.example ').value, 'sip:jed@fabrikam.example');
  assert.equal(typedSipAddressReaches('call sip:jed@fabrikam.example').value, undefined);
  assert.equal(typedSipAddressReaches('sip:jed@fabrikam.example now').value, undefined);
});

test("name matching: the start of a name, or of first and last name in either order, never a word's end", () => {
  assert.equal(nameMatches(jed, ' Jed '), true, 'blanks around the query');
  assert.equal(nameMatches(jed, 'ill'), false, 'the end of a name');
  assert.equal(nameMatches(jed, 'Zed'), false, 'one word that starts nothing');
  assert.equal(nameMatches(jed, 'Je  Hi'), true, 'first last, two blanks between');
  assert.equal(nameMatches(jed, 'Hi Je'), true, 'last first');
  assert.equal(nameMatches(jed, 'Je Xy'), false);
  assert.equal(nameMatches(jed, 'Xy Hi'), false);
  assert.equal(nameMatches(jed, 'ed Hi'), false, 'the end of the first name');
  assert.equal(nameMatches(jed, 'Je ill'), false, 'the end of the last name');
  assert.equal(nameMatches(jed, 'ill Je'), false);
  assert.equal(nameMatches(jed, 'Hi ed'), false);
  assert.equal(nameMatches(person('Room 4'), 'Room 4'), true, 'a display name with a blank');
  assert.equal(nameMatches(person('Room 4'), 'Ro 4'), false, 'no given name or surname: no first-last match');
});

test('SRCH-02/04/10: without the OAB downloaded, SRCH-10 decides only where the OAB would have answered', () => {
  assert.deepEqual(findsExternalContacts(setup({ oabDownloaded: false, outlookMode: 'online' })).rules, [
    'SRCH-04',
  ]);
  assert.deepEqual(findsExternalContacts(setup({ oabDownloaded: false, client: 'lync-mac' })).rules, [
    'SRCH-02',
  ]);
});
