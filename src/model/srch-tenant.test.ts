import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DirectoryEntry } from '../tenant/entry';
import type { SearchSetup } from './srch';
import { contactReach, foundOnlyWithCachedOutlook, searchQueryFor } from './srch-tenant';
import { verdict } from './verdict';

// Rule edges of src/model/srch-tenant.ts that a mutation run (docs/mutation.md) showed no test pinned down.

const contact = (extra: Record<string, string> = {}) =>
  new DirectoryEntry('CN=Jed Hill,OU=GALSync,DC=xyz,DC=corp', {
    objectClass: ['top', 'contact'],
    cn: 'Jed Hill',
    displayName: 'Jed Hill',
    mailNickname: 'jed',
    targetAddress: 'SMTP:jed.hill@abc.corp',
    ...extra,
  });
const setup = (extra: Partial<SearchSetup> = {}): SearchSetup => ({
  client: 'lync-windows',
  lyncVersion: 2013,
  outlookVersion: 2013,
  oabDownloaded: true,
  sipEqualsMail: true,
  autodiscover: 'exchange-online',
  ...extra,
});

test('SRCH-03: the matrix always starts with Lync for Windows and a cached Outlook, whatever the run chose', () => {
  const reach = contactReach(contact(), setup({ client: 'owa', outlookMode: 'online' }));
  assert.deepEqual(reach.value, [true, false, false, false, false]);
});

test("SRCH-05: the matrix's Lync for Windows sits beside the run's Outlook, else Outlook 2013", () => {
  assert.deepEqual(contactReach(contact(), setup({ outlookVersion: 2010 })).value, [
    false,
    false,
    false,
    false,
    false,
  ]);
  assert.equal(
    contactReach(contact(), setup({ outlookVersion: undefined })).value[0],
    true,
    'the notes’ pair',
  );
  assert.equal(
    contactReach(contact(), setup({ lyncVersion: 2010, outlookVersion: undefined })).value[0],
    false,
  );
});

test('the word a first-name search types: the given name, else the first word of the display name', () => {
  assert.equal(searchQueryFor(contact({ givenName: 'Jedediah' })), 'Jedediah');
  assert.equal(searchQueryFor(contact()), 'Jed');
});

test('SRCH-02..04: "only with cached Outlook" is false once any other client finds the contact too', () => {
  const reach = (found: boolean[]) => verdict(contactReach, found, ['SRCH-03'], 'test');
  assert.equal(foundOnlyWithCachedOutlook(reach([true, false, false, false, false])).value, true);
  assert.equal(foundOnlyWithCachedOutlook(reach([true, false, true, false, false])).value, false);
  assert.equal(foundOnlyWithCachedOutlook(reach([false, false, false, false, false])).value, false);
});
