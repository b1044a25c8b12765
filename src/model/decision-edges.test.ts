import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DirectoryEntry } from '../tenant/entry';
import { directoryOf, grantedBy, nestedOnlyMembers, policyFromGroup } from './pol';
import { importModuleQuotes } from './pol-import-module';
import { FOLLOWERS_REACHED, presenceForNewContact } from './pres';
import { replicationBy16KbRule } from './repl';
import {
  credentialPrompt,
  downloadsLyncAddressBook,
  nameMatches,
  profileHoldsOab,
  type SearchSetup,
} from './srch';

// Edges of rule decisions that the mutation run (npm run mutation) showed no test pinned down.

test('POL-03: only the import-module line counts, as PowerShell reads it', () => {
  const quotes = (script: string) => importModuleQuotes(script).value;
  assert.equal(
    quotes(`#import-module "C:\\old.psd1"\nimport-module 'C:\\Lync.psd1'`),
    'single',
    'a comment is not the line',
  );
  assert.equal(quotes(`import-module 'C:\\Lync.psd1'   `), 'single', 'trailing blanks do not matter');
  assert.equal(quotes(`import-module x'C:\\Lync.psd1'`), 'none', 'a quote must open the path');
  assert.equal(
    quotes('import-module C:\\‘Lync’.psd1'),
    'none',
    'typographic quotes inside the path are not quoting',
  );
  assert.equal(quotes('import-module C:\\"Lync".psd1'), 'none', 'nor double quotes inside it');
});

const dn = (cn: string) => `CN=${cn},OU=Users,DC=abc,DC=corp`;
const user = (cn: string) => new DirectoryEntry(dn(cn), { objectClass: ['top', 'person', 'user'], cn });
const grp = (cn: string, members: string[]) =>
  new DirectoryEntry(`CN=${cn},OU=Groups,DC=abc,DC=corp`, {
    objectClass: ['top', 'group'],
    cn,
    member: members,
  });

test('POL-01/04: every direct member, nested members in order, a cycle and a dangling member', () => {
  const b = grp('B', [dn('Zoe'), dn('Max'), 'CN=A,OU=Groups,DC=abc,DC=corp', dn('Gone')]);
  const a = grp('A', [dn('Anna'), dn('Ivan'), b.dn]);
  const directory = directoryOf([user('Anna'), user('Ivan'), user('Zoe'), user('Max'), a, b]);
  assert.deepEqual(grantedBy(a, directory).value, [dn('Anna'), dn('Ivan')]);
  assert.deepEqual(
    nestedOnlyMembers(a, directory).value,
    [dn('Max'), dn('Zoe')],
    'sorted; the A<->B cycle ends',
  );
  assert.equal(
    policyFromGroup(dn('Ivan'), a, directory).value,
    'RecordingAllowed',
    'any direct member, not only the first',
  );
  assert.equal(policyFromGroup(dn('Zoe'), a, directory).rules[0], 'POL-04');
});

test('PRES-03: the watched user can have 199 followers before the 1,000-category limit, not 200', () => {
  assert.equal(presenceForNewContact(0, 199, 'Busy').value, 'Busy');
  assert.equal(presenceForNewContact(0, 200, 'Busy').value, FOLLOWERS_REACHED);
});

test("REPL-01: the Front End's root first in the store is listed", () => {
  assert.equal(replicationBy16KbRule({ os: 'windows2008r2' }, [133, 133, 133], 0).value, 'succeeds');
});

test('SRCH-06/08/10 and first-and-last-name search, decided by the model alone', () => {
  const setup: SearchSetup = {
    client: 'lync-windows',
    lyncVersion: 2013,
    outlookVersion: 2013,
    outlookMode: 'cached',
    oabDownloaded: false,
    sipEqualsMail: false,
    autodiscover: 'exchange-online',
  };
  assert.equal(credentialPrompt(setup).value, true);
  assert.equal(credentialPrompt({ ...setup, sipEqualsMail: true }).value, false);
  assert.equal(
    credentialPrompt({ ...setup, autodiscover: 'missing' }).value,
    false,
    'no EWS look-up, no prompt',
  );
  assert.equal(downloadsLyncAddressBook('online').value, false);
  assert.equal(downloadsLyncAddressBook('onpremises').value, true);
  assert.equal(profileHoldsOab(setup).value, false);
  assert.equal(profileHoldsOab({ oabDownloaded: true }).value, true);
  const jed = { displayName: 'Jed Hill', givenName: 'Jed', surname: 'Hill' };
  assert.equal(nameMatches(jed, 'jed hi'), true);
  assert.equal(nameMatches(jed, 'Hill Je'), true);
  assert.equal(nameMatches(jed, 'ed ill'), false);
  assert.equal(nameMatches(jed, '   '), false);
});
