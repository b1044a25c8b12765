import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdminRequest } from './admin-routes';
import { MechanismSwitches } from './mechanism-switches';

const put = (body: unknown): AdminRequest => {
  const text = JSON.stringify(body);
  return {
    method: 'PUT',
    path: '/__admin/mechanism',
    query: new URLSearchParams(),
    contentType: 'application/json',
    body: text,
    bytes: Buffer.from(text),
  };
};

test('a fact changes until reset, and `changed` runs only when a value really changes', async () => {
  const seen: unknown[] = [];
  const switches = new MechanismSwitches('exchange', { oabWithoutContacts: false, poll: 480 }, (now) =>
    seen.push({ ...now }),
  );
  await switches.route(put({ oabWithoutContacts: true }));
  await switches.route(put({ oabWithoutContacts: true }));
  assert.deepEqual(seen, [{ oabWithoutContacts: true, poll: 480 }]);
  switches.reset();
  assert.deepEqual(switches.values, { oabWithoutContacts: false, poll: 480 });
});

test('an unknown fact, or a value of another type than its default, is refused', async () => {
  const switches = new MechanismSwitches('exchange', { oabWithoutContacts: false });
  assert.throws(
    () => switches.route(put({ noSuchFact: true })),
    /noSuchFact is not one of oabWithoutContacts/,
  );
  assert.throws(() => switches.route(put({ oabWithoutContacts: 'yes' })), /not a boolean/);
  assert.deepEqual(switches.values, { oabWithoutContacts: false });
});
