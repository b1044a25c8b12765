import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { mechanism, NOTES_MECHANISM, useMechanism } from './mechanism';
import { oabProfile } from './oab';
import { pinContact } from './pres';

afterEach(() => useMechanism());

test("the model decides by the field notes' facts unless the selftest says otherwise", () => {
  assert.equal(mechanism(), NOTES_MECHANISM);
  assert.equal(mechanism().pres.maxContacts, 250, 'PRES-02');
  assert.equal(mechanism().pres.maxSubscriptions, 200, 'PRES-03');
  assert.deepEqual(oabProfile('exchange2010').generationMinutes, [5 * 60], 'OAB-02: 05:00');
  assert.equal(oabProfile('exchange2010').distributionIntervalMinutes, 480, 'OAB-03');
  assert.equal(oabProfile('exchange2010').downloadIntervalHours, 24, 'OAB-04');
  assert.equal(mechanism().oab.webDistributed, true, 'OAB-04: Autodiscover names the OAB URL');
  assert.equal(mechanism().repl.issuerListLimitBytes, 16384, 'REPL-01: 16 KB (KB2801679)');
  assert.equal(mechanism().srch.ucsHoldsExternalContacts, false, 'SRCH-01');
  assert.equal(mechanism().srch.oabHoldsExternalContacts, true, 'SRCH-03');
});

test('a changed fact changes the decisions that read it, and only that fact', () => {
  useMechanism({ pres: { maxContacts: 300 } });
  assert.equal(pinContact(299).value, true);
  assert.equal(pinContact(300).value, false);
  assert.equal(mechanism().pres.maxSubscriptions, 200, 'the area keeps its other facts');
  assert.equal(mechanism().repl.issuerListLimitBytes, 16384, 'the other areas keep theirs');
  assert.equal(NOTES_MECHANISM.pres.maxContacts, 250, "the notes' facts themselves are untouched");
  useMechanism();
  assert.equal(pinContact(250).value, false, 'no change: the notes again');
});

test('a change naming an area or fact the model does not have is refused', () => {
  // @ts-expect-error not an area
  assert.throws(() => useMechanism({ lync: {} }), /no mechanism area "lync"/);
  // @ts-expect-error not a fact of the area
  assert.throws(() => useMechanism({ pres: { maxFriends: 1 } }), /no mechanism fact "pres.maxFriends"/);
  assert.equal(mechanism(), NOTES_MECHANISM, 'nothing half-applied');
});
