import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useMechanism } from './mechanism';
import { oabProfile } from './oab';
import { changeInOabAfterUpdate, oabUpdateAt, patchedOab } from './oab-update';

const at = (day: number, h: number, m = 0) => Date.UTC(2014, 11, day, h, m); // 1 December 2014 is a Monday
const E2010 = oabProfile('exchange2010');
const E2013 = oabProfile('exchange2013');

test('the daily check applies the one differential file of the generation published since', () => {
  assert.deepEqual(oabUpdateAt(E2010, at(1, 9), at(2, 9)).value, { download: 'differential', files: 1 });
  assert.deepEqual(oabUpdateAt(E2010, at(2, 9), at(2, 10, 59)).value, { download: 'nothing', files: 0 });
  assert.deepEqual(oabUpdateAt(E2010, at(1, 11), at(2, 11)).value, { download: 'differential', files: 1 });
});

test('an Outlook closed for days applies one file per generation, in order', () => {
  assert.deepEqual(oabUpdateAt(E2010, at(1, 9), at(4, 9)).value, { download: 'differential', files: 3 });
  assert.deepEqual(oabUpdateAt(E2013, at(1, 9), at(2, 9)).value, { download: 'differential', files: 3 });
});

test('behind by more than the 30 days of kept files, or with a damaged OAB on disk: the Full file', () => {
  // The Monday 1 December 05:00 generation's file is kept until Wednesday 31 December 05:00.
  assert.deepEqual(oabUpdateAt(E2010, at(1, 9), at(31, 4)).value, { download: 'differential', files: 30 });
  assert.deepEqual(oabUpdateAt(E2010, at(1, 9), at(31, 5)).value, { download: 'full', files: 1 });
  assert.deepEqual(oabUpdateAt(E2010, at(1, 9), at(2, 9), 'damaged').value, { download: 'full', files: 1 });
  assert.deepEqual(oabUpdateAt(E2010, at(1, 9), at(1, 10), 'damaged').value.download, 'nothing');
});

test('a change is in the OAB once an update brought the generation that holds it', () => {
  assert.equal(changeInOabAfterUpdate(E2010, at(1, 14), at(3, 9)).value, true);
  assert.equal(changeInOabAfterUpdate(E2010, at(1, 14), at(2, 10, 59)).value, false);
  assert.equal(changeInOabAfterUpdate(E2013, at(1, 14), at(1, 21)).value, true);
});

test('differential files made from another OAB than the one published: every update is a Full download', () => {
  useMechanism({ oab: { diffsMatchPreviousGeneration: false } });
  try {
    assert.deepEqual(oabUpdateAt(E2010, at(1, 9), at(2, 9)).value, { download: 'full', files: 1 });
  } finally {
    useMechanism();
  }
  assert.deepEqual(oabUpdateAt(E2010, at(1, 9), at(2, 9)).value.download, 'differential');
});

test('a generation published in the very minute of the check is fetched by it (Exchange 2013 serves it at once)', () => {
  assert.deepEqual(oabUpdateAt(E2013, at(1, 9), at(1, 13)).value, { download: 'differential', files: 1 });
  assert.deepEqual(oabUpdateAt(E2013, at(1, 9), at(1, 12, 59)).value, { download: 'nothing', files: 0 });
});

test('OAB-07: applying an update gives the OAB Outlook installed only when it was made of differential files', () => {
  const daily = oabUpdateAt(E2010, at(1, 9), at(2, 9));
  assert.equal(patchedOab(daily).value, 'the OAB Outlook installed');
  assert.deepEqual(patchedOab(daily).rules, ['OAB-07']);
  assert.equal(patchedOab(daily).reason, daily.reason);
  assert.equal(patchedOab(oabUpdateAt(E2010, at(1, 9), at(31, 5))).value, 'no differential files applied');
  assert.equal(patchedOab(oabUpdateAt(E2010, at(2, 9), at(2, 10))).value, 'no differential files applied');
});
