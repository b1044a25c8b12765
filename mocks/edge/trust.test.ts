import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { labPki } from '../../src/pki/lab';
import { verifyAgainstStore } from './trust';

const AT = new Date(Date.UTC(2014, 11, 1));

test('a client that sends only its leaf is verified through the Intermediate CA store, never anchored by it', async () => {
  const lab = await labPki();
  const root = new X509Certificate(lab.enterpriseRoot.certPem);
  const issuing = new X509Certificate(lab.issuingCa.certPem);
  const leaf = new X509Certificate(lab.frontEnd.certPem);
  assert.equal(verifyAgainstStore([leaf, issuing], [root], AT).ok, true, 'leaf + intermediate sent');
  assert.equal(verifyAgainstStore([leaf], [root], AT).ok, false, 'leaf alone, no intermediate store');
  assert.equal(
    verifyAgainstStore([leaf], [root], AT, [issuing]).ok,
    true,
    'leaf alone, intermediate in the store',
  );
  assert.equal(
    verifyAgainstStore([leaf], [], AT, [issuing]).ok,
    false,
    'an intermediate is not a trust anchor',
  );
});
