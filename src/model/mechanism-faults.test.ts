import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { cachedLync2013 } from '../../test/fixtures/search-setup';
import { DirectoryEntry } from '../tenant/entry';
import { useMechanism } from './mechanism';
import { outlookDownloadsOab } from './oab-timeline';
import { imDelivered, presenceShown } from './pres';
import { replicationBy16KbRule, sendsIssuerList } from './repl';
import { ewsConnects, mapiSupplement, searchFinds } from './srch';
import { addressBookFinds } from './srch-address-book';

// The model's side of the selftest's mechanism faults: each changed fact changes the decision that
// reads it (the mutation run showed no unit test reached these branches).

afterEach(() => useMechanism());

const setup = cachedLync2013();

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

test('REPL-03: a Schannel that never sends the issuer list; replication then verifies against the whole store', () => {
  const sizes = Array.from({ length: 130 }, () => 135);
  assert.equal(replicationBy16KbRule({ os: 'windows2008r2' }, sizes, 129).value, 'fails');
  useMechanism({ repl: { issuerList: 'never-sent' } });
  for (const edge of [
    { os: 'windows2008r2' as const },
    { os: 'windows2008r2' as const, sendTrustedIssuerListAtStart: 1 },
  ]) {
    assert.equal(sendsIssuerList(edge).value, false);
    assert.deepEqual(sendsIssuerList(edge).rules, ['REPL-03']);
  }
  assert.equal(replicationBy16KbRule({ os: 'windows2008r2' }, sizes, 129).value, 'succeeds');
  assert.equal(
    replicationBy16KbRule({ os: 'windows2008r2' }, sizes, 130).value,
    'fails',
    'a root not in the store',
  );
});

test('PRES-04: without federation a partner signed in is not reached; a tenant user still is', () => {
  const partner = { kind: 'contact' as const, sipAddress: 'sip:anna.berg@abc.corp', reachableAs: 'Away' };
  const colleague = { kind: 'user' as const, sipAddress: 'sip:pat.kim@xyz.corp', reachableAs: 'Available' };
  assert.equal(presenceShown(partner).value, 'Away');
  useMechanism({ pres: { federatedWithPartners: false } });
  assert.equal(presenceShown(partner).value, 'Presence unknown');
  assert.equal(imDelivered(partner).value, false);
  assert.equal(presenceShown(colleague).value, 'Available');
});

test('SRCH-05/11: where Lync pairs with an Outlook of another version, mixed versions get the MAPI supplement', () => {
  const mixed = { ...setup, outlookVersion: 2010 as const };
  assert.equal(mapiSupplement(mixed).value, 'none');
  assert.deepEqual(mapiSupplement(mixed).rules, ['SRCH-05', 'SRCH-11']);
  useMechanism({ srch: { mixedVersionsGetSupplement: true } });
  assert.equal(mapiSupplement(mixed).value, 'oab');
  assert.equal(mapiSupplement({ ...mixed, outlookMode: 'online' }).value, 'ews');
  assert.equal(
    mapiSupplement({ ...mixed, outlookVersion: undefined }).value,
    'none',
    'no Outlook: nothing to pair',
  );
});
