import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oabProfile, searchableAt } from './oab';
import {
  distributionPollsUntil,
  forcedDownload,
  generationReachesDirectory,
  generationsUntil,
  hoursToSearchable,
  outlookChecksAt,
  outlookChecksUntil,
  searchableAroundDownload,
  searchableBy,
  searchableFrom,
  timelineStep,
} from './oab-timeline';
import { durationText, weekTime } from './week-time';

const E2010 = oabProfile('exchange2010');
const E2013 = oabProfile('exchange2013');
const at = weekTime;

test('OAB-02/03: generations and polls as the notes write times', () => {
  assert.deepEqual(generationsUntil(E2010, at('Monday 00:00'), at('Wednesday 05:00')).value, [
    'Monday 05:00',
    'Tuesday 05:00',
    'Wednesday 05:00',
  ]);
  assert.deepEqual(generationsUntil(E2013, at('Monday 00:00'), at('Monday 21:00')).value, [
    'Monday 05:00',
    'Monday 13:00',
    'Monday 21:00',
  ]);
  assert.deepEqual(distributionPollsUntil(E2010, at('Monday 00:00'), at('Monday 19:00')).value, [
    'Monday 03:00',
    'Monday 11:00',
    'Monday 19:00',
  ]);
  assert.deepEqual(distributionPollsUntil(E2013, at('Monday 00:00'), at('Tuesday 00:00')).value, []);
  assert.equal(generationReachesDirectory(E2010, at('Tuesday 05:00')).value, 'Tuesday 11:00');
  assert.equal(generationReachesDirectory(E2013, at('Tuesday 05:00')).value, 'Tuesday 05:00');
});

test('OAB-04: Outlook checks every 24 hours from its last download, and only then', () => {
  assert.deepEqual(outlookChecksUntil(E2010, at('Monday 09:00'), at('Wednesday 09:00')).value, [
    'Monday 09:00',
    'Tuesday 09:00',
    'Wednesday 09:00',
  ]);
  assert.equal(outlookChecksAt(E2010, at('Monday 09:00'), at('Wednesday 09:00')).value, true);
  assert.equal(outlookChecksAt(E2010, at('Monday 09:00'), at('Wednesday 09:01')).value, false);
  assert.equal(outlookChecksAt(E2010, at('Tuesday 09:00'), at('Monday 09:00')).value, false, 'not before it');
});

test("OAB-01/05/06: the notes' worked example, step by step", () => {
  const t = searchableAt(E2010, at('Monday 14:00'), at('Monday 09:00'));
  assert.equal(timelineStep(t, 'generatedAt').value, 'Tuesday 05:00');
  assert.equal(timelineStep(t, 'distributedAt').value, 'Tuesday 11:00');
  assert.equal(timelineStep(t, 'downloadedAt').value, 'Wednesday 09:00');
  assert.equal(searchableBy(t, at('Wednesday 08:59')).value, false);
  assert.equal(searchableBy(t, at('Wednesday 09:00')).value, true);
  assert.deepEqual(searchableAroundDownload(t).value, { at: 'Wednesday 09:00', before: false, after: true });
  assert.deepEqual(searchableFrom(t).value, { from: 'Wednesday 09:00', after: '43 hours' });
  assert.equal(hoursToSearchable(t).value, 43);
  assert.deepEqual(forcedDownload(t, at('Tuesday 11:00')).value, {
    found: true,
    scheduled: 'Wednesday 09:00',
  });
  assert.deepEqual(forcedDownload(t, at('Tuesday 10:59')).value, {
    found: false,
    scheduled: 'Wednesday 09:00',
  });
  assert.equal(durationText(53 * 3_600_000 + 59 * 60_000), '53 hours 59 minutes');
});
