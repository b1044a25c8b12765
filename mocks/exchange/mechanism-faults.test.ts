import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPollInterval } from './mechanism-faults';
import { OAB_SCHEDULES } from './oab-schedule';

test("another PollInterval polls from the 2010 schedule's 03:00 phase; 480 keeps the notes' polls", () => {
  assert.deepEqual(withPollInterval(OAB_SCHEDULES.exchange2010, 1440).distributionMinutes, [180]);
  assert.deepEqual(withPollInterval(OAB_SCHEDULES.exchange2010, 720).distributionMinutes, [180, 900]);
  assert.equal(withPollInterval(OAB_SCHEDULES.exchange2010, 480), OAB_SCHEDULES.exchange2010);
});

test('Exchange 2013 does not poll, whatever the PollInterval', () => {
  assert.equal(withPollInterval(OAB_SCHEDULES.exchange2013, 1440), OAB_SCHEDULES.exchange2013);
});
