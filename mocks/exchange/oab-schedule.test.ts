import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countEvents, eventsBetween, lastEventAtOrBefore, OAB_SCHEDULES } from './oab-schedule';

const DAY = 24 * 60 * 60 * 1000;

const at = (day: number, h: number) => Date.UTC(2014, 11, day, h);

test('Exchange 2010: 05:00 generation, polls at 03:00, 11:00 and 19:00, in time order', () => {
  const events = eventsBetween(OAB_SCHEDULES.exchange2010, at(1, 0), at(2, 0));
  assert.deepEqual(
    events.map((e) => [new Date(e.at).toISOString().slice(11, 16), e.kind]),
    [
      ['03:00', 'distribute'],
      ['05:00', 'generate'],
      ['11:00', 'distribute'],
      ['19:00', 'distribute'],
    ],
  );
});

test('an event exactly at the new clock reading fires; one at the old reading does not', () => {
  assert.equal(eventsBetween(OAB_SCHEDULES.exchange2010, at(1, 4), at(1, 5)).length, 1);
  assert.equal(eventsBetween(OAB_SCHEDULES.exchange2010, at(1, 5), at(1, 6)).length, 0);
  assert.equal(
    eventsBetween(OAB_SCHEDULES.exchange2010, at(1, 6), at(1, 5)).length,
    0,
    'the clock moved back',
  );
});

test('Exchange 2013: generation every 8 hours and no distribution step', () => {
  const events = eventsBetween(OAB_SCHEDULES.exchange2013, at(1, 0), at(2, 0));
  assert.deepEqual(
    events.map((e) => e.kind),
    ['generate', 'generate', 'generate'],
  );
});

test('countEvents counts what eventsBetween lists, for any window', () => {
  const start = at(1, 0);
  for (const profile of Object.values(OAB_SCHEDULES)) {
    for (let i = 0; i < 200; i++) {
      const from = start + Math.floor(Math.random() * 20 * DAY);
      const to = from + Math.floor(Math.random() * 6 * DAY);
      for (const kind of ['generate', 'distribute'] as const) {
        const listed = eventsBetween(profile, from, to).filter((e) => e.kind === kind).length;
        assert.equal(countEvents(profile, kind, from, to), listed, `${profile.name} ${kind} ${from}..${to}`);
      }
    }
  }
});

test('lastEventAtOrBefore is the last listed event of its kind', () => {
  const profile = OAB_SCHEDULES.exchange2010;
  assert.equal(lastEventAtOrBefore(profile, 'generate', at(3, 4)), at(2, 5));
  assert.equal(lastEventAtOrBefore(profile, 'generate', at(3, 5)), at(3, 5));
  assert.equal(lastEventAtOrBefore(profile, 'distribute', at(3, 10)), at(3, 3));
  assert.equal(lastEventAtOrBefore(OAB_SCHEDULES.exchange2013, 'distribute', at(3, 10)), undefined);
});
