import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { cachedLync2013 } from '../../test/fixtures/search-setup';
import { ASSIGN_TO_GROUP_PS1, withImportQuotes } from '../clients/ldap/assign-to-group';
import { DirectoryEntry } from '../tenant/entry';
import { blankRequiredAttributes, dirSyncExportsContact } from './gal';
import { useMechanism } from './mechanism';
import { outlookDownloadsOab } from './oab-timeline';
import { phoneSignIn } from './phone';
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
import { ewsConnects, searchFinds } from './srch';
import { addressBookFinds } from './srch-address-book';

// The model's side of the selftest's mechanism faults: each changed fact changes the decision that
// reads it (the mutation run showed no unit test reached these branches).

afterEach(() => useMechanism());

const setup = cachedLync2013();

test('POL-02: without write access for RTCUniversalServerAdmins the task assigns nothing', () => {
  const task = { logOnAsService: true, lyncServerAdmin: true, script: ASSIGN_TO_GROUP_PS1 };
  useMechanism({ pol: { lyncAdminsMayWriteUsers: false } });
  assert.equal(taskAssigns(task).value, false);
  assert.deepEqual(taskAssigns(task).rules, ['POL-02']);
});

test("SRCH-07: an Autodiscover that does not know the tenant's domain gives no EWS look-up", () => {
  assert.equal(ewsConnects(setup).value, true);
  useMechanism({ srch: { autodiscoverKnowsTenantDomain: false } });
  assert.equal(ewsConnects(setup).value, false);
  assert.deepEqual(ewsConnects(setup).rules, ['SRCH-07']);
});

test('SRCH-01/03: a UCS holding external contacts, an OAB without them', () => {
  const jed = { displayName: 'Jed Hill', givenName: 'Jed', kind: 'contact' as const };
  const lee = { displayName: 'Jed Lee', givenName: 'Jed', kind: 'user' as const };
  const directory = { ucs: [], oab: [jed, lee] };
  const mac = { ...setup, client: 'lync-mac' as const };
  assert.deepEqual(searchFinds(mac, directory, 'Jed').value, []);
  useMechanism({ srch: { ucsHoldsExternalContacts: true } });
  assert.deepEqual(searchFinds(mac, directory, 'Jed').value, ['Jed Hill', 'Jed Lee']);
  useMechanism({ srch: { oabHoldsExternalContacts: false } });
  assert.deepEqual(searchFinds(setup, directory, 'Jed').value, ['Jed Lee'], 'mailboxes only');
});

test('SRCH-08: a pool whose User Replicator has not run has an empty address book', () => {
  const anna = new DirectoryEntry('CN=Anna Berg,OU=Staff,DC=abc,DC=corp', {
    objectClass: ['top', 'user'],
    displayName: 'Anna Berg',
    'msRTCSIP-PrimaryUserAddress': 'sip:anna.berg@abc.corp',
  });
  assert.equal(addressBookFinds([anna], 'Anna', 'Anna Berg').value, true);
  useMechanism({ srch: { poolAddressBookReplicated: false } });
  assert.equal(addressBookFinds([anna], 'Anna', 'Anna Berg').value, false);
  assert.deepEqual(addressBookFinds([anna], 'Anna', 'Anna Berg').rules, ['SRCH-08']);
});

test('OAB-04: Outlook downloads the OAB only when Autodiscover names its URL (web-based distribution)', () => {
  assert.equal(outlookDownloadsOab().value, true);
  assert.deepEqual(outlookDownloadsOab().rules, ['OAB-04']);
  useMechanism({ oab: { webDistributed: false } });
  assert.equal(outlookDownloadsOab().value, false);
  assert.match(outlookDownloadsOab().reason, /no OAB URL/);
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

test('PHONE-04: a registrar that was not restarted presents the certificate it started with', () => {
  const root = 'CN=Factory Root';
  const intermediate = { subject: 'CN=Public Intermediate', issuer: root };
  const fromRoot = {
    path: 'usb' as const,
    factoryRoots: [root],
    remembered: [],
    leafIssuer: root,
    provisioningChain: [],
    startedWithLeafIssuer: intermediate.subject,
  };
  assert.equal(phoneSignIn(fromRoot).value.registered, true);
  assert.deepEqual(phoneSignIn(fromRoot).rules, ['PHONE-04']);
  useMechanism({ phone: { registrarPresentsAssignedCertificate: false } });
  assert.equal(phoneSignIn(fromRoot).value.registered, false);
  assert.deepEqual(phoneSignIn(fromRoot).rules, ['PHONE-02']);
  const { startedWithLeafIssuer: _, ...neverReassigned } = fromRoot;
  assert.equal(phoneSignIn(neverReassigned).value.registered, true, 'no other certificate: the one assigned');
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

test('GAL-05/07: an export that needs targetAddress alone, a GALSync that projects blank users', () => {
  const contact = new DirectoryEntry('CN=Jed,OU=GALSync,DC=xyz,DC=corp', {
    objectClass: ['contact'],
    targetAddress: ['SMTP:jed@abc.corp'],
  });
  const blank = new DirectoryEntry('CN=Ann,DC=abc,DC=corp', {
    objectClass: ['user'],
    cn: ['Ann'],
    displayName: [' '],
  });
  assert.equal(dirSyncExportsContact(contact).value, false);
  assert.deepEqual(blankRequiredAttributes(blank).value, ['sAMAccountName', 'displayName']);
  useMechanism({ gal: { exportNeedsMailNickname: false, blankRequiredRejected: false } });
  assert.equal(dirSyncExportsContact(contact).value, true);
  assert.equal(
    dirSyncExportsContact(new DirectoryEntry(contact.dn, { objectClass: ['contact'] })).value,
    false,
  );
  assert.deepEqual(blankRequiredAttributes(blank).value, []);
});
