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

test('past its limit many times over, the journal keeps the newest in order; clear starts it again', async () => {
  const journal = new Journal('test', () => new Date(0), 4);
  for (let i = 0; i < 11; i++) journal.record({ operation: `op${i}`, request: {}, outcome: {} });
  assert.deepEqual(
    journal.list().map((e) => e.operation),
    ['op7', 'op8', 'op9', 'op10'],
  );
  assert.equal(journal.droppedCount(), 7);
  assert.equal((await journal.waitFor((e) => e.operation === 'op8')).operation, 'op8');
  journal.clear();
  journal.record({ operation: 'after', request: {}, outcome: {} });
  assert.deepEqual(
    journal.list().map((e) => [e.operation, e.id]),
    [['after', 12]],
  );
  assert.equal(journal.droppedCount(), 0);
});

test('each entry is stamped with the clock as it stands when it is recorded', () => {
  let now = 0;
  const journal = new Journal('test', () => new Date(now));
  const first = journal.record({ operation: 'a', request: {}, outcome: {} });
  now = 60_000;
  const second = journal.record({ operation: 'b', request: {}, outcome: {} });
  assert.deepEqual([first.at, second.at], ['1970-01-01T00:00:00.000Z', '1970-01-01T00:01:00.000Z']);
});
