import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaultPlan, Journal, VirtualClock } from '../admin';
import { recipientsFromJson } from './directory';
import { ExchangeState } from './state';

const person = (cn: string, mail: string) => ({
  dn: `CN=${cn},OU=Users,DC=xyz,DC=corp`,
  attributes: { objectClass: ['top', 'user'], mail: [mail] },
});

test('upserting recipients replaces each by DN, in the order replacing them one by one would leave', () => {
  const clock = new VirtualClock();
  const state = new ExchangeState(clock, new Journal('exchange', () => clock.now()), new FaultPlan());
  state.load(
    recipientsFromJson(
      JSON.stringify([
        person('Ann', 'ann@xyz.corp'),
        person('Bo', 'bo@xyz.corp'),
        person('Cy', 'cy@xyz.corp'),
      ]),
    ),
  );
  const loaded = state.recipients;
  state.upsert(
    recipientsFromJson(
      JSON.stringify([
        person('Ann', 'ann.old@xyz.corp'),
        person('Dee', 'dee@xyz.corp'),
        person('ANN', 'ann.new@xyz.corp'),
      ]),
    ),
  );
  assert.deepEqual(
    state.recipients.map((r) => r.smtp),
    ['bo@xyz.corp', 'cy@xyz.corp', 'dee@xyz.corp', 'ann.new@xyz.corp'],
  );
  assert.equal(loaded.length, 3, 'the loaded directory (what reset restores) is not changed in place');
  state.reset();
  assert.deepEqual(
    state.recipients.map((r) => r.smtp),
    ['ann@xyz.corp', 'bo@xyz.corp', 'cy@xyz.corp'],
  );
});
