import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OabProfile } from './mechanism';
import {
  documentedWorstCaseHours,
  mechanismWorstCase,
  oabFilesAfterDownload,
  oabProfile,
  searchableAt,
} from './oab';
import { distributionPollsUntil, outlookChecksAt } from './oab-timeline';
import { weekTime as at, weekTimeText } from './week-time';

// Rule edges of src/model/oab.ts and oab-timeline.ts that a mutation run (docs/mutation.md) showed no
// test pinned down.

const E2010 = oabProfile('exchange2010');
const E2013 = oabProfile('exchange2013');

test('OAB-04: only checks after the change find nothing new; one before it is not counted', () => {
  const t = searchableAt(E2010, at('Tuesday 10:00'), at('Monday 09:00')).value;
  assert.deepEqual(t.checksWithoutChange.map(weekTimeText), ['Wednesday 09:00']);
  assert.equal(weekTimeText(t.downloadedAt), 'Thursday 09:00');
});

test("OAB-05: the notes' worst case is a generation period plus a download period, on either schedule", () => {
  assert.equal(documentedWorstCaseHours(E2010).value, 48);
  assert.equal(documentedWorstCaseHours(E2013).value, 32, '8 hours between generations + 24');
});

test('OAB-05 by the mechanism: the longest gap between generations decides, on any schedule', () => {
  assert.equal(
    mechanismWorstCase(E2013).value,
    '31 hours 59 minutes',
    '8 h + no distribution + 24 h, less a minute',
  );
  const uneven: OabProfile = { ...E2013, generationMinutes: [5 * 60, 7 * 60] };
  assert.equal(mechanismWorstCase(uneven).value, '45 hours 59 minutes', '22 h from 07:00 to 05:00, + 24 h');
  const late: OabProfile = { ...E2013, generationMinutes: [5 * 60, 20 * 60] };
  assert.equal(mechanismWorstCase(late).value, '38 hours 59 minutes', '15 h from 05:00 to 20:00, + 24 h');
});

test('OAB-06: a download leaves .oab files stamped with its time', () => {
  const files = oabFilesAfterDownload(at('Wednesday 09:00'));
  assert.deepEqual(files.value, { files: true, stamped: '2014-12-03T09:00:00.000Z' });
  assert.deepEqual(files.rules, ['OAB-06']);
});

test('OAB-03/04: polls strictly after the start; the last download itself is a check', () => {
  assert.deepEqual(distributionPollsUntil(E2010, at('Monday 03:00'), at('Monday 19:00')).value, [
    'Monday 11:00',
    'Monday 19:00',
  ]);
  assert.equal(outlookChecksAt(E2010, at('Monday 09:00'), at('Monday 09:00')).value, true);
});
