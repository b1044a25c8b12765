import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Fault, FaultPlan } from './faults';

const takes = (plan: FaultPlan, operation: string, n: number) =>
  Array.from({ length: n }, () => plan.take(operation)?.kind ?? 'none');

test('a fault with a count affects that many answers of its operation, then is gone', () => {
  const plan = new FaultPlan();
  plan.inject({ kind: 'error', code: 503, operation: 'ucwa.search', count: 2 });
  assert.deepEqual(takes(plan, 'ucwa.contacts', 1), ['none']);
  assert.deepEqual(takes(plan, 'ucwa.search', 3), ['error', 'error', 'none']);
  assert.deepEqual(plan.list(), []);
});

test('a fault without a count affects every answer until cleared', () => {
  const plan = new FaultPlan();
  plan.inject({ kind: 'reset' });
  assert.deepEqual(takes(plan, 'anything', 5), ['reset', 'reset', 'reset', 'reset', 'reset']);
  plan.clear();
  assert.deepEqual(takes(plan, 'anything', 1), ['none']);
});

test('the per-scenario reset clears only the faults not asked to persist', () => {
  const plan = new FaultPlan();
  plan.inject({ kind: 'delay', delayMs: 10, operation: 'a' });
  plan.inject({ kind: 'malformed', operation: 'b', persist: true });
  plan.inject({ kind: 'error', code: 51, operation: 'c', persist: false, count: 1 });
  plan.clearScenarioFaults();
  assert.deepEqual(
    plan.list().map((f) => f.operation),
    ['b'],
  );
  plan.clear();
  assert.deepEqual(plan.list(), []);
});

test('"times", the former name of "count", still counts', () => {
  const plan = new FaultPlan();
  plan.inject({ kind: 'reset', operation: 'x', times: 1 });
  assert.deepEqual(plan.list(), [{ kind: 'reset', operation: 'x', count: 1 }]);
  assert.deepEqual(takes(plan, 'x', 2), ['reset', 'none']);
});

test('bad faults are refused naming the problem', () => {
  const bad: Array<[unknown, RegExp]> = [
    [{ kind: 'explode' }, /unknown fault kind "explode"/],
    [{ kind: 'delay' }, /delayMs >= 0/],
    [{ kind: 'error' }, /needs a code/],
    [{ kind: 'reset', count: 0 }, /"count" must be a whole number >= 1/],
    [{ kind: 'reset', count: 1.5 }, /"count" must be a whole number >= 1/],
    [{ kind: 'reset', persist: 'yes' }, /"persist" must be true or false/],
    [null, /a fault is a JSON object/],
  ];
  for (const [fault, message] of bad) assert.throws(() => new FaultPlan().inject(fault as Fault), message);
});
