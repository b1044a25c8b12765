import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  FOLLOWERS_REACHED,
  imButton,
  imDelivered,
  pinContact,
  presenceForNewContact,
  presenceShown,
} from './pres';

const jed = { kind: 'contact' as const, sipAddress: 'sip:jed.hill@fabrikam.example' };
const anna = { kind: 'contact' as const, sipAddress: 'sip:anna.berg@abc.corp', reachableAs: 'Away' };

test('PRES-01: OWA hides IM for external contacts, full Outlook shows it when there is a SIP address', () => {
  assert.equal(imButton('owa', anna).value, false);
  assert.equal(imButton('outlook', anna).value, true);
  assert.equal(imButton('outlook', { kind: 'contact' }).value, false);
  assert.equal(imButton('owa', { kind: 'user', sipAddress: 'sip:lee@xyz.corp' }).value, true);
});

test('PRES-02/03: 250 contacts, 200 subscriptions, 200 followers', () => {
  assert.equal(pinContact(249).value, true);
  assert.equal(pinContact(250).value, false);
  assert.equal(presenceForNewContact(199, 0, 'Available').value, 'Available');
  assert.equal(presenceForNewContact(200, 0, 'Available').value, FOLLOWERS_REACHED);
  assert.equal(presenceForNewContact(0, 200, 'Available').value, FOLLOWERS_REACHED);
  assert.equal(imDelivered(anna).value, true);
});

test('PRES-04: a SIP address that reaches no one shows presence unknown', () => {
  assert.equal(presenceShown(jed).value, 'Presence unknown');
  assert.equal(presenceShown(anna).value, 'Away');
});

test('PRES-04: no one signed in, no IM; no SIP address, no presence to subscribe to', () => {
  assert.equal(imDelivered(jed).value, false);
  assert.deepEqual(imDelivered(jed).rules, ['PRES-04']);
  assert.equal(presenceShown({ kind: 'contact', reachableAs: 'Away' }).value, 'Presence unknown');
  assert.equal(presenceShown({ kind: 'contact' }).value, 'Presence unknown');
});
