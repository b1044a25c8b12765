import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dirSyncExportsContact } from '../src/model/gal';
import { DirectoryEntry } from '../src/tenant/entry';
import { evaluateCheck, RuleViolation } from '../steps/support/verify';

const exported = dirSyncExportsContact(
  new DirectoryEntry('CN=A,DC=xyz,DC=corp', { mailNickname: ['a'], targetAddress: ['SMTP:a@abc.corp'] }),
);

test('agreeing witnesses give an agree verdict, naming the model function', () => {
  const record = evaluateCheck({
    rule: 'GAL-05',
    claim: 'exported',
    expected: true,
    model: exported,
    observations: [{ witness: 'ldap', value: true }],
  });
  assert.equal(record.verdict, 'agree');
  assert.equal(record.observations[0].witness, 'model');
  assert.equal(record.observations[0].decidedBy, 'dirSyncExportsContact');
});

test('a mock that disagrees with the model fails the check and names both', () => {
  const record = evaluateCheck({
    rule: 'GAL-05',
    claim: 'exported',
    expected: true,
    model: exported,
    observations: [{ witness: 'ldap', value: false }],
  });
  assert.equal(record.verdict, 'disagree');
  const error = new RuleViolation(record);
  assert.match(error.message, /✔ model: true/);
  assert.match(error.message, /✘ ldap: false/);
});

test('the model side is only a verdict a src/model function made', () => {
  const forged = { value: true, rules: ['GAL-05'], reason: 'made up', decidedBy: 'nothing' };
  assert.throws(
    () =>
      evaluateCheck({
        rule: 'X-01',
        claim: 'c',
        expected: true,
        // @ts-expect-error an object literal is not a Verdict: the type system refuses it
        model: forged,
        observations: [{ witness: 'ldap', value: true }],
      }),
    /must be a verdict made by src\/model/,
  );
  assert.throws(
    () =>
      evaluateCheck({
        rule: 'X-01',
        claim: 'c',
        expected: true,
        model: exported,
        // @ts-expect-error 'model' is not a wire witness
        observations: [{ witness: 'model', value: true }],
      }),
    /not as an observation/,
  );
});
