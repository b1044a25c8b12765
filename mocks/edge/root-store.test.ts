import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { edgeRootStore } from '../../src/pki/lab';
import { AdminInputError } from '../admin';
import { parseRoots } from './root-store';

test('a store installed again is the same parsed array; another store shares the certificates', async () => {
  const pems = (await edgeRootStore(5)).map((root) => root.certPem);
  const first = parseRoots(pems);
  assert.equal(parseRoots([...pems]), first, 'the same PEMs give the same array');
  const shorter = parseRoots(pems.slice(0, 3));
  assert.notEqual(shorter, first);
  assert.equal(shorter.length, 3);
  for (let i = 0; i < 3; i++) assert.equal(shorter[i], first[i], `root ${i} is parsed once`);
  assert.deepEqual(
    first.map((c) => c.subject),
    pems.map((pem) => new X509Certificate(pem).subject),
    'store order and content kept',
  );
});

test('a bad entry is named whether or not its neighbours were parsed before', async () => {
  const pems = (await edgeRootStore(3)).map((root) => root.certPem);
  parseRoots(pems);
  for (let round = 0; round < 2; round++)
    assert.throws(
      () => parseRoots([pems[0], 'not a certificate', pems[1]]),
      (error: unknown) => error instanceof AdminInputError && /roots\[1\]/.test(error.message),
    );
  assert.throws(() => parseRoots('x'), /must be an array/);
});
