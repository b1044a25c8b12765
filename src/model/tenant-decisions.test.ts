import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGalSyncFlow } from '../clients/ldap/galsync-flow';
import { dnKey } from '../tenant/dn';
import { DirectoryEntry } from '../tenant/entry';
import { projectContact } from './gal';
import {
  contactInOtherForest,
  galSyncWrites,
  projectedAttribute,
  projectionExported,
  projectionOutcome,
  rejection,
} from './gal-tenant';
import { directoryOf, policiesAfterRuns, policyFromGroup, scriptFires } from './pol';
import { activeSubscriptions, directorySearchFinds, imButtonsFor } from './pres-tenant';
import type { SearchSetup } from './srch';
import { contactReach, foundOnlyWithCachedOutlook, sipEqualsMail } from './srch-tenant';

const entry = (dn: string, attributes: Record<string, string | string[]>) =>
  new DirectoryEntry(dn, attributes);
const userAt = (sip: string | undefined, mail: string | undefined) =>
  entry('CN=U,DC=xyz,DC=corp', {
    objectClass: ['top', 'user'],
    ...(sip ? { 'msRTCSIP-PrimaryUserAddress': sip } : {}),
    ...(mail ? { mail } : {}),
  });

test('SRCH-06 per user: the SIP address must be the mail address (case aside)', () => {
  assert.equal(sipEqualsMail(userAt('sip:Pat.Kim@xyz.corp', 'pat.kim@XYZ.corp')).value, true);
  assert.equal(sipEqualsMail(userAt('sip:sam.wu@xyz.onmicrosoft.com', 'sam.wu@xyz.corp')).value, false);
  assert.equal(sipEqualsMail(userAt(undefined, '')).value, false, 'no SIP address and no mail is no match');
  assert.deepEqual(sipEqualsMail(userAt('sip:a@b', 'a@b')).rules, ['SRCH-06']);
});

const base: SearchSetup = {
  client: 'lync-windows',
  lyncVersion: 2013,
  outlookVersion: 2013,
  oabDownloaded: true,
  sipEqualsMail: true,
  autodiscover: 'exchange-online',
};
const contact = (extra: Record<string, string> = {}) =>
  entry('CN=Jed Hill,OU=GALSync,DC=xyz,DC=corp', {
    objectClass: ['top', 'contact'],
    cn: 'Jed Hill',
    givenName: 'Jed',
    sn: 'Hill',
    displayName: 'Jed Hill',
    mailNickname: 'jed',
    targetAddress: 'SMTP:jed.hill@abc.corp',
    ...extra,
  });

test('SRCH-02..04 per contact: an exported contact is found with cached Outlook only', () => {
  const reach = contactReach(contact(), base);
  assert.deepEqual(reach.value, [true, false, false, false, false]);
  assert.equal(foundOnlyWithCachedOutlook(reach).value, true);
  const unexported = contactReach(contact({ targetAddress: '' }), base);
  assert.deepEqual(unexported.value, [false, false, false, false, false]);
  assert.equal(foundOnlyWithCachedOutlook(unexported).value, false);
  const hidden = contactReach(contact({ msExchHideFromAddressLists: 'TRUE' }), base);
  assert.equal(hidden.value[0], false, 'hidden from address lists: not in the OAB');
  assert.equal(
    foundOnlyWithCachedOutlook(contactReach(contact(), { ...base, sipEqualsMail: false })).value,
    false,
  );
});

test('PRES-01/03/04 per object: IM buttons, subscriptions, directory search', () => {
  const sip = (value?: string) =>
    entry('CN=C,DC=xyz,DC=corp', value ? { 'msRTCSIP-PrimaryUserAddress': value } : {});
  assert.deepEqual(imButtonsFor(sip('sip:jed.hill@fabrikam.example')).value, { outlook: true, owa: false });
  assert.deepEqual(imButtonsFor(sip('jed.hill@fabrikam.example')).value, { outlook: false, owa: false });
  assert.deepEqual(imButtonsFor(sip()).value, { outlook: false, owa: false });
  assert.equal(activeSubscriptions(199).value, 199);
  assert.equal(activeSubscriptions(200).value, 200);
  assert.equal(activeSubscriptions(250).value, 200);
  assert.equal(directorySearchFinds({ mail: 'a@b' }).value, true);
  assert.equal(directorySearchFinds({ mail: '' }).value, false);
});

const dn = (cn: string) => `CN=${cn},OU=Users,DC=abc,DC=corp`;
const person = (cn: string) => entry(dn(cn), { objectClass: ['top', 'person', 'user'], cn });
const leads = entry('CN=Leads,OU=Groups,DC=abc,DC=corp', {
  objectClass: ['top', 'group'],
  member: [dn('Mia')],
});
const group = entry('CN=CSLyncRecordingUsers,OU=Groups,DC=abc,DC=corp', {
  objectClass: ['top', 'group'],
  sAMAccountName: 'CSLyncRecordingUsers',
  member: [dn('Anna'), leads.dn],
});
const directory = directoryOf([person('Anna'), person('Mia'), person('Ivan'), leads, group]);

test('POL-01/04/05 per user: direct members get the policy, nested ones and others nothing; grants add up', () => {
  assert.equal(policyFromGroup(dn('Anna'), group, directory).value, 'RecordingAllowed');
  assert.deepEqual(policyFromGroup(dn('Anna'), group, directory).rules, ['POL-01']);
  assert.equal(policyFromGroup(dn('Mia'), group, directory).value, null);
  assert.deepEqual(policyFromGroup(dn('Mia'), group, directory).rules, ['POL-04']);
  assert.equal(policyFromGroup(dn('Ivan'), group, directory).value, null);
  assert.deepEqual(policyFromGroup(dn('Ivan'), group, directory).rules, ['POL-01']);
  assert.deepEqual(
    policiesAfterRuns([[dn('Anna')], [dn('Ivan').toLowerCase()]], [dn('Anna'), dn('Ivan'), dn('Mia')]).value,
    ['RecordingAllowed', 'RecordingAllowed', null],
  );
  assert.equal(scriptFires("import-module 'C:\\Lync.psd1'").value, true);
  assert.equal(scriptFires('import-module "C:\\Lync.psd1"').value, false);
});

const flow = loadGalSyncFlow(`${__dirname}/../../examples/galsync/documented.yaml`);
const anna = entry('CN=Anna Berg,OU=Users,DC=abc,DC=corp', {
  objectClass: ['top', 'person', 'organizationalPerson', 'user'],
  cn: 'Anna Berg',
  displayName: 'Anna Berg',
  sAMAccountName: 'aberg',
  mail: 'anna.berg@abc.corp',
  'msRTCSIP-PrimaryUserAddress': 'sip:anna.berg@abc.corp',
});

test('GAL-01/05/07 per user: what GALSync writes, and whether the contact is there', () => {
  const writes = galSyncWrites(anna, flow, 'DC=xyz,DC=corp', ['targetAddress', 'displayName', 'title']);
  assert.equal(writes.value.outcome, 'written');
  if (writes.value.outcome === 'written')
    assert.deepEqual(writes.value.attributes, {
      targetAddress: 'SMTP:anna.berg@abc.corp',
      displayName: 'Anna Berg',
      title: '',
    });
  const blank = entry(anna.dn, {
    objectClass: ['top', 'user'],
    cn: 'Anna Berg',
    mail: 'a@b',
    sAMAccountName: 'a',
  });
  assert.equal(galSyncWrites(blank, flow, 'DC=xyz,DC=corp', []).value.outcome, 'rejected');
  const computer = entry('CN=PC1,DC=abc,DC=corp', { objectClass: ['top', 'computer'], cn: 'PC1' });
  assert.equal(galSyncWrites(computer, flow, 'DC=xyz,DC=corp', []).value.outcome, 'not selected');
  const projected = projectContact(anna, flow, 'DC=xyz,DC=corp');
  const there = new Set([projected.value.outcome === 'projected' ? dnKey(projected.value.dn) : '']);
  const other = { domain: 'xyz.corp', baseDn: 'DC=xyz,DC=corp', contacts: there };
  assert.equal(contactInOtherForest(anna, flow, other).value, true);
  assert.equal(contactInOtherForest(anna, flow, { ...other, contacts: new Set() }).value, false);
  assert.equal(contactInOtherForest(blank, flow, other).value, null);
  assert.equal(projectionOutcome(projected).value, 'projected');
  assert.equal(projectedAttribute(projected, 'mailNickname').value, 'aberg');
  assert.equal(projectedAttribute(projected, 'title').value, null);
  assert.equal(projectionExported(projected).value, true);
  const rejected = projectContact(blank, flow, 'DC=xyz,DC=corp');
  assert.equal(projectionExported(rejected).value, false);
  assert.deepEqual(rejection(rejected).value, { rejected: true, contact: false });
  assert.deepEqual(rejection(projected).value, { rejected: false, contact: true });
});
