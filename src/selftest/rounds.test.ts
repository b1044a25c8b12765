import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MechanismFault } from './mechanism-fault';
import { faultRounds } from './rounds';

const fault = (id: string, rules: string[]): MechanismFault => ({
  id,
  rules,
  fault: id,
  inMocks: {},
  inModel: {},
});

test('faults whose rules share no scenario run in one round', () => {
  const rounds = faultRounds([fault('a', ['OAB-02']), fault('b', ['PRES-02'])], [['OAB-02'], ['PRES-02']]);
  assert.deepEqual(
    rounds.map((r) => r.map((f) => f.id)),
    [['a', 'b']],
  );
});

test('a scenario tagged with rules of two faults puts them in different rounds', () => {
  const rounds = faultRounds(
    [fault('a', ['SRCH-03']), fault('b', ['SRCH-04']), fault('c', ['OAB-01'])],
    [['SRCH-03', 'SRCH-04', 'SRCH-05'], ['OAB-01']],
  );
  assert.deepEqual(
    rounds.map((r) => r.map((f) => f.id)),
    [['a', 'c'], ['b']],
  );
});
