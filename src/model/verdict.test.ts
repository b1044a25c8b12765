import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byObject } from './by-object';
import { oabProfile, searchableAt } from './oab';
import { part, Verdict, verdict } from './verdict';

test('a verdict names its rules and the function that made it; part() keeps both', () => {
  const t = searchableAt(oabProfile('exchange2010'), Date.UTC(2014, 11, 1, 14), Date.UTC(2014, 11, 1, 9));
  assert.equal(t.decidedBy, 'searchableAt');
  const hours = part(t, 'hours');
  assert.equal(hours.value, 43);
  assert.equal(hours.decidedBy, 'searchableAt.hours');
  assert.deepEqual(hours.rules, t.rules);
  function noRules() {
    return verdict(noRules, true, [], 'why');
  }
  assert.throws(noRules, /noRules: a verdict names the rules that decided it/);
  // @ts-expect-error the constructor takes the module's own token
  assert.throws(() => new Verdict(Symbol('forged'), 'x', true, ['X-01'], 'y'), /made by src\/model only/);
});

test('byObject: the model side of a tenant check, naming every rule and function behind it', () => {
  const t = searchableAt(oabProfile('exchange2010'), Date.UTC(2014, 11, 1, 14), Date.UTC(2014, 11, 1, 9));
  const all = byObject([
    ['CN=A', part(t, 'hours')],
    ['CN=B', part(t, 'hours')],
  ]);
  assert.deepEqual(all.value, [
    ['CN=A', 43],
    ['CN=B', 43],
  ]);
  assert.equal(all.decidedBy, 'searchableAt.hours');
  assert.deepEqual(all.rules, t.rules, "every object's rules, once each");
  assert.throws(() => byObject([]), /a verdict names the rules/, 'no object and no rule named: refused');
  assert.deepEqual(
    byObject([], ['GAL-01']).rules,
    ['GAL-01'],
    'no object sampled: the check still names its rule',
  );
});
