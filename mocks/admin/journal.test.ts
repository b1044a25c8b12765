import assert from 'node:assert/strict';
import { test } from 'node:test';
import { excerpt, Journal, ownSummary } from './journal';

test('an excerpt is at most its length, and the start of the text', () => {
  const body = `<x>${'a'.repeat(1_000_000)}</x>`;
  assert.equal(excerpt(body, 160), body.slice(0, 160));
  assert.equal(excerpt('short', 160), 'short');
});

test('a request summary keeps excerpts of its strings and of arrays of strings; other values as they are', () => {
  const long = 'x'.repeat(5_000);
  const summary = ownSummary({ address: long, settings: [long, 'a'], count: 3, none: null }, 10);
  assert.deepEqual(summary, {
    address: 'x'.repeat(10),
    settings: ['x'.repeat(10), 'a'],
    count: 3,
    none: null,
  });
});

test('the journal keeps at most its limit, dropping the oldest and counting them', () => {
  const journal = new Journal('test', () => new Date(0), 3);
  for (let i = 0; i < 5; i++) journal.record({ operation: `op${i}`, request: {}, outcome: {} });
  assert.deepEqual(
    journal.list().map((e) => e.operation),
    ['op2', 'op3', 'op4'],
  );
  assert.equal(journal.droppedCount(), 2);
});
