import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadSambaDifferences, sambaDifferenceFor } from './samba-differences';

test("the shipped allow-list loads, each entry with a rule, a claim, Samba's answer and a reason", () => {
  const list = loadSambaDifferences();
  assert.ok(list.length > 0);
  for (const d of list) assert.ok(d.rule && d.claim && d.reason.trim().length > 40 && d.samba !== undefined);
});

test('an entry without a reason is refused, naming the file', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'samba-diff-')), 'differences.yaml');
  writeFileSync(file, '- rule: POL-07\n  claim: c\n  samba: member\n');
  assert.throws(() => loadSambaDifferences(file), /difference #1 needs rule, claim, samba .* and reason/);
});

test("an entry matches its rule, its exact claim and Samba's exact answer only", () => {
  const list = [{ rule: 'POL-07', claim: 'c', samba: ['a', null], reason: 'r' }];
  assert.ok(sambaDifferenceFor(list, ['POL-07'], 'c', ['a', null]));
  assert.equal(sambaDifferenceFor(list, ['POL-01'], 'c', ['a', null]), undefined);
  assert.equal(sambaDifferenceFor(list, ['POL-07'], 'c ', ['a', null]), undefined);
  assert.equal(sambaDifferenceFor(list, ['POL-07'], 'c', ['a', 'b']), undefined);
});
