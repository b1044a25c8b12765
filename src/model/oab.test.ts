import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  distributedAt,
  documentedWorstCaseHours,
  mechanismWorstCase,
  nextGeneration,
  oabProfile,
  searchableAt,
  worstCaseOverSchedules,
} from './oab';

const at = (day: number, h: number, m = 0) => Date.UTC(2014, 11, day, h, m); // 1 December 2014 is a Monday
const E2010 = oabProfile('exchange2010');

test("the notes' example: Monday 14:00 change, Wednesday 09:00 download, 43 hours", () => {
  const t = searchableAt(E2010, at(1, 14), at(1, 9)).value;
  assert.equal(t.generatedAt, at(2, 5));
  assert.equal(t.distributedAt, at(2, 11));
  assert.deepEqual(t.checksWithoutChange, [at(2, 9)]);
  assert.equal(t.downloadedAt, at(3, 9));
  assert.equal(t.hours, 43);
});

test('the worst case: a change just after the 05:00 generation with a 05:00 download takes 48 hours', () => {
  assert.equal(searchableAt(E2010, at(1, 5), at(1, 5)).value.hours, 48);
  assert.equal(documentedWorstCaseHours(E2010).value, 48);
});

test('distribution polls at 03:00, 11:00, 19:00: a 05:00 generation is served from 11:00', () => {
  assert.equal(distributedAt(E2010, at(2, 5)), at(2, 11));
  assert.equal(distributedAt(E2010, at(2, 11)), at(2, 11));
  assert.equal(distributedAt(E2010, at(2, 19, 1)), at(3, 3));
});

test('Exchange 2013: eight-hourly generation, no distribution step', () => {
  const p = oabProfile('exchange2013');
  assert.equal(nextGeneration(p, at(1, 14)), at(1, 21));
  assert.equal(distributedAt(p, at(1, 21)), at(1, 21));
  assert.equal(searchableAt(p, at(1, 14), at(1, 9)).value.hours, 19);
});

test('an unknown profile is refused by name', () => {
  assert.throws(() => oabProfile('exchange2016'), /unknown OAB profile "exchange2016"/);
});

test('over every phase, the Exchange 2010 worst case is 54 hours (the notes say 48: they leave out distribution)', () => {
  const worst = worstCaseOverSchedules(E2010, 15).value;
  assert.ok(worst > 53.5 && worst <= 54, `${worst}`);
  assert.equal(worstCaseOverSchedules(oabProfile('exchange2013'), 15).value <= 32, true);
});

test("OAB-05 by the mechanism: 54 hours less a minute on the notes' schedule, beyond every sampled case", () => {
  assert.equal(mechanismWorstCase(E2010).value, '53 hours 59 minutes');
  assert.equal(mechanismWorstCase(oabProfile('exchange2013')).value, '31 hours 59 minutes');
  for (const p of [E2010, oabProfile('exchange2013')]) {
    const [h, m = '0'] = mechanismWorstCase(p).value.match(/\d+/g)!;
    const sampled = worstCaseOverSchedules(p, 5).value * 60;
    assert.ok(sampled <= Number(h) * 60 + Number(m), `${p.name}: a sampled case waits longer`);
    assert.ok(sampled > Number(h) * 60 + Number(m) - 5, `${p.name}: the sampled worst is within a step`);
  }
});
