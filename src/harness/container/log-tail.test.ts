import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { LogTail } from './log-tail';

test('keeps the last lines, joining chunks split mid-line', () => {
  const stream = new PassThrough();
  const tail = new LogTail(stream, 3);
  stream.write('one\ntw');
  stream.write('o\nthree\nfour\nfi');
  assert.deepEqual(tail.last(), ['two', 'three', 'four', 'fi']);
  assert.equal(tail.exited, false);
});

test('the end of the stream is the exit of the container', async () => {
  const stream = new PassThrough();
  const tail = new LogTail(stream);
  assert.equal(await tail.waitForExit(10), false);
  // A waiter set before the end is woken by the end itself, however long the end takes to come.
  const waiting = tail.waitForExit(3_600_000);
  stream.end('last words\n');
  assert.equal(await waiting, true);
  assert.equal(tail.exited, true);
  assert.deepEqual(tail.last(), ['last words']);
});
