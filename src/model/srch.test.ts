import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedLync2013 } from '../../test/fixtures/search-setup';
import { DirectoryEntry } from '../tenant/entry';
import { buildSampleTenant, XYZ_COLLEAGUES } from '../tenant/sample';
import {
  cloudDirectoryView,
  findsExternalContacts,
  type SearchSetup,
  searchFinds,
  typedSipAddressReaches,
} from './srch';

const base = cachedLync2013();
const jed = {
  displayName: 'Jed Hill',
  givenName: 'Jed',
  surname: 'Hill',
  alias: 'jed.hill',
  smtp: 'jed.hill@fabrikam.example',
};
const lee = {
  displayName: 'Lee Chan',
  givenName: 'Lee',
  surname: 'Chan',
  alias: 'lchan',
  smtp: 'lee.chan@xyz.corp',
};
const dir = { ucs: [lee], oab: [lee, jed] };

const cases: Array<[string, Partial<SearchSetup>, boolean, string]> = [
  ['Lync 2013 + cached Outlook 2013 with the OAB', {}, true, 'SRCH-03'],
  ['online mode', { outlookMode: 'online' }, false, 'SRCH-04'],
  ['Outlook 2010', { outlookVersion: 2010 }, false, 'SRCH-05'],
  ['a new profile without an OAB', { oabDownloaded: false }, false, 'SRCH-10'],
  ['SIP differs from mail', { sipEqualsMail: false }, false, 'SRCH-06'],
  ['Lync for Mac', { client: 'lync-mac' }, false, 'SRCH-02'],
  ['OWA', { client: 'owa' }, false, 'SRCH-02'],
];
for (const [name, change, found, rule] of cases) {
  test(`first-name search for Jed: ${name}`, () => {
    const setup = { ...base, ...change };
    assert.equal(searchFinds(setup, dir, 'Jed').value.includes('Jed Hill'), found);
    assert.equal(findsExternalContacts(setup).value, found);
    assert.ok(findsExternalContacts(setup).rules.includes(rule), `${findsExternalContacts(setup).rules}`);
  });
}

test('EWS finds licensed users unless Autodiscover is missing or SIP differs from mail', () => {
  assert.deepEqual(searchFinds({ ...base, client: 'lync-mobile' }, dir, 'Lee').value, ['Lee Chan']);
  assert.deepEqual(
    searchFinds({ ...base, autodiscover: 'missing', outlookVersion: undefined }, dir, 'Lee').value,
    [],
  );
  assert.deepEqual(searchFinds({ ...base, sipEqualsMail: false }, dir, 'Lee').value, []);
});

test('a typed SIP address reaches the contact; a first name is not a SIP address', () => {
  assert.equal(
    typedSipAddressReaches('sip:Jed.Hill@fabrikam.example').value,
    'sip:jed.hill@fabrikam.example',
  );
  assert.equal(typedSipAddressReaches('Jed').value, undefined);
});

test("the cloud directory of the sample tenant: its licensed users (the notes' four, Pat Kim's colleagues) in the UCS, Jed Hill but not Fiona Grant in the OAB", () => {
  const online = buildSampleTenant().forests.find((f) => f.role === 'online')!;
  const view = cloudDirectoryView(online.entries);
  const named = view.ucs.map((p) => p.displayName).filter((n) => !n.startsWith('Colleague '));
  assert.deepEqual(named.sort(), ['Lee Chan', 'Ola Berg', 'Pat Kim', 'Sam Wu']);
  assert.equal(view.ucs.length, 4 + XYZ_COLLEAGUES);
  const oab = view.oab.map((p) => p.displayName);
  assert.ok(oab.includes('Jed Hill') && oab.includes('Anna Berg'));
  assert.ok(!oab.includes('Fiona Grant'));
});

test('OWA signs in to the mailbox, so a SIP address that differs from the mail address does not stop its EWS look-up', () => {
  assert.deepEqual(searchFinds({ ...base, client: 'owa', sipEqualsMail: false }, dir, 'Lee').value, [
    'Lee Chan',
  ]);
  assert.deepEqual(searchFinds({ ...base, client: 'lync-mac', sipEqualsMail: false }, dir, 'Lee').value, []);
});

test('hidden from address lists: out of the OAB and the UCS; Lync switched off: out of the UCS only', () => {
  const user = (cn: string, extra: Record<string, string>) =>
    new DirectoryEntry(`CN=${cn},OU=Users,DC=xyz,DC=corp`, {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      displayName: cn,
      mail: `${cn.toLowerCase()}@xyz.corp`,
      'msRTCSIP-PrimaryUserAddress': `sip:${cn.toLowerCase()}@xyz.corp`,
      ...extra,
    });
  const view = cloudDirectoryView([
    user('Shown', {}),
    user('Hidden', { msExchHideFromAddressLists: 'TRUE' }),
    user('Unlync', { 'msRTCSIP-UserEnabled': 'FALSE' }),
  ]);
  assert.deepEqual(
    view.ucs.map((p) => p.displayName),
    ['Shown'],
  );
  assert.deepEqual(
    view.oab.map((p) => p.displayName),
    ['Shown', 'Unlync'],
  );
});
