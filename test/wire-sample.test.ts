import assert from 'node:assert/strict';
import test from 'node:test';
import { samplePositions } from '../steps/support/wire-sample';

test('a sample that covers the list asks about every object, in order', () => {
  assert.deepEqual(samplePositions(4, 10), [0, 1, 2, 3]);
  assert.deepEqual(samplePositions(3, 'all'), [0, 1, 2]);
  assert.deepEqual(samplePositions(0, 200), []);
});

test('a smaller sample is spread over the whole list, the first object always in it, no position twice', () => {
  const positions = samplePositions(100_000, 200);
  assert.equal(positions.length, 200);
  assert.equal(positions[0], 0);
  assert.ok(positions[199] >= 99_000, `the last sampled position ${positions[199]} is near the end`);
  assert.equal(new Set(positions).size, 200);
  assert.ok(positions.every((p, i) => i === 0 || p > positions[i - 1]));
});

test('the sample depends only on the list length and the size (every worker picks the same objects)', () => {
  assert.deepEqual(samplePositions(12_345, 77), samplePositions(12_345, 77));
});
