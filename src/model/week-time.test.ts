import assert from 'node:assert/strict';
import { test } from 'node:test';
import { durationText, weekTime, weekTimeText } from './week-time';

test('times as the notes write them, in the week the virtual clock starts (Monday 1 December 2014)', () => {
  assert.equal(weekTime('Monday 09:00'), Date.UTC(2014, 11, 1, 9));
  assert.equal(weekTime(' Wednesday 09:00 '), Date.UTC(2014, 11, 3, 9), 'blanks around it');
  assert.equal(weekTime('Sunday 23:59'), Date.UTC(2014, 11, 7, 23, 59));
  for (const bad of ['Tuesday 5:00', 'next Tuesday 05:00', 'Tuesday 05:00 UTC', 'Tue 05:00', ''])
    assert.throws(() => weekTime(bad), /is not a time such as "Monday 09:00"/, bad);
});

test('a time is written back with its week when it is past the first one', () => {
  assert.equal(weekTimeText(weekTime('Tuesday 05:00')), 'Tuesday 05:00');
  assert.equal(weekTimeText(weekTime('Sunday 23:59')), 'Sunday 23:59');
  assert.equal(weekTimeText(weekTime('Monday 09:00') + 7 * 86_400_000), 'week 2 Monday 09:00');
  assert.equal(weekTimeText(weekTime('Wednesday 11:00') + 14 * 86_400_000), 'week 3 Wednesday 11:00');
});

test('a wait as the notes say it', () => {
  assert.equal(durationText(48 * 3_600_000), '48 hours');
  assert.equal(durationText(53 * 3_600_000 + 59 * 60_000), '53 hours 59 minutes');
  assert.equal(durationText(90 * 60_000 + 20_000), '1 hours 30 minutes', 'to the minute');
});

test('a later week is written before the day, and read back', () => {
  assert.equal(weekTime('week 2 Monday 09:00'), weekTime('Monday 09:00') + 7 * 86_400_000);
  assert.equal(weekTime('week 12 Monday 09:00'), weekTime('Monday 09:00') + 77 * 86_400_000);
  assert.equal(weekTimeText(weekTime('week 3 Wednesday 11:00')), 'week 3 Wednesday 11:00');
  assert.throws(() => weekTime('week two Monday 09:00'), /is not a time/);
});
