import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Recipient } from './directory';
import { OAB_SCHEDULES } from './oab-schedule';
import { type OabStep, OabStore } from './oab-store';

const DAY = 24 * 60 * 60 * 1000;
const start = Date.UTC(2014, 11, 1, 0);
const gal = () => [] as Recipient[];

function storeOn(profile: keyof typeof OAB_SCHEDULES): OabStore {
  const store = new OabStore();
  store.restart([], start);
  store.profile = OAB_SCHEDULES[profile];
  return store;
}

for (const profile of Object.keys(OAB_SCHEDULES)) {
  test(`${profile}: one long advance ends where day-by-day advances end`, () => {
    for (const days of [31.5, 32.25, 45, 400.7]) {
      const to = start + days * DAY;
      const long = storeOn(profile);
      long.advance(start, to, gal);
      const stepwise = storeOn(profile);
      for (let t = start; t < to; t += DAY) stepwise.advance(t, Math.min(t + DAY, to), gal);
      assert.deepEqual(long.state(), stepwise.state(), `${days} days`);
    }
  });
}

test('a clock moved by 1e15 ms (31,700 years) costs a few steps, not 46 million', () => {
  const store = storeOn('exchange2010');
  const steps: OabStep[] = [];
  store.advance(start, start + 1e15, gal, (step) => steps.push(step));
  assert.ok(steps.length < 200, `${steps.length} journal steps`);
  const collapsed = steps[0];
  assert.equal(collapsed.kind, 'generate');
  assert.ok((collapsed.generations ?? 0) > 11_000_000, 'the generations before the listed days are counted');
  assert.equal(
    store.state().generated.sequence,
    1 + Math.floor(1e15 / DAY) + (1e15 % DAY >= 5 * 3600e3 ? 1 : 0),
  );
});
