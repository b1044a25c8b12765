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
  assert.match(error.message, /✘ ldap \(the mock DC\): false/);
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

const MEMBER_RANGE = {
  rule: 'GAL-05',
  claim: 'exported',
  samba: false,
  reason: 'Samba differs here for a reason of its own',
};

test('a mock DC fault Samba does not share fails the check naming the model, the mock DC and Samba', () => {
  const record = evaluateCheck(
    {
      rule: 'GAL-05',
      claim: 'exported',
      expected: true,
      model: exported,
      observations: [
        { witness: 'ldap', value: false },
        { witness: 'samba', value: true },
      ],
    },
    [MEMBER_RANGE],
  );
  assert.equal(record.verdict, 'disagree');
  const message = new RuleViolation(record).message;
  assert.match(message, /✔ model: true/);
  assert.match(message, /✘ ldap \(the mock DC\): false/);
  assert.match(message, /✔ samba \(Samba's AD DC\): true/);
});

test("Samba's answer on the allow-list is an allowed difference, shown with its reason, not a failure", () => {
  const check = {
    rule: 'GAL-05',
    claim: 'exported',
    expected: true,
    model: exported,
    observations: [
      { witness: 'ldap' as const, value: true },
      { witness: 'samba' as const, value: false },
    ],
  };
  const record = evaluateCheck(check, [MEMBER_RANGE]);
  assert.equal(record.verdict, 'agree');
  const samba = record.observations.find((o) => o.witness === 'samba')!;
  assert.equal(samba.agrees, false);
  assert.equal(samba.allowed, MEMBER_RANGE.reason);
  // Without the entry, for another claim, or when the mock DC disagrees too: a failure.
  assert.equal(evaluateCheck(check).verdict, 'disagree');
  assert.equal(evaluateCheck({ ...check, claim: 'other' }, [MEMBER_RANGE]).verdict, 'disagree');
  const both = {
    ...check,
    observations: [{ witness: 'ldap' as const, value: false }, check.observations[1]],
  };
  const failed = evaluateCheck(both, [MEMBER_RANGE]);
  assert.equal(failed.verdict, 'disagree');
  assert.equal(failed.observations.find((o) => o.witness === 'samba')!.allowed, undefined);
});

test('an allow-list entry covers only the Samba answer it names', () => {
  const record = evaluateCheck(
    {
      rule: 'GAL-05',
      claim: 'exported',
      expected: true,
      model: exported,
      observations: [{ witness: 'samba', value: 'something else' as unknown as boolean }],
    },
    [MEMBER_RANGE],
  );
  assert.equal(record.verdict, 'disagree');
});
