import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateCheck, RuleViolation } from '../steps/support/verify';

test('agreeing witnesses give an agree verdict', () => {
  const record = evaluateCheck({
    rule: 'GAL-05',
    claim: 'exported',
    expected: true,
    observations: [
      { witness: 'model', value: true },
      { witness: 'ldap', value: true },
    ],
  });
  assert.equal(record.verdict, 'agree');
});

test('a mock that disagrees with the model fails the check and names both', () => {
  const record = evaluateCheck({
    rule: 'GAL-05',
    claim: 'exported',
    expected: true,
    observations: [
      { witness: 'model', value: true },
      { witness: 'ldap', value: false },
    ],
  });
  assert.equal(record.verdict, 'disagree');
  const error = new RuleViolation(record);
  assert.match(error.message, /✔ model: true/);
  assert.match(error.message, /✘ ldap: false/);
});

test('a check without the model as witness is refused', () => {
  assert.throws(
    () =>
      evaluateCheck({ rule: 'X-01', claim: 'c', expected: 1, observations: [{ witness: 'ldap', value: 1 }] }),
    /reference model must be one of the witnesses/,
  );
});
