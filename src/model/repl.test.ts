import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  issuerListFit,
  replicationBy16KbRule,
  replicationByDocumentedThreshold,
  rootsThatFit,
  sendsIssuerList,
  storeAfterRootUpdate,
} from './repl';

test('2008 R2 sends the issuer list by default, 2012 does not, the registry value read at start wins', () => {
  assert.equal(sendsIssuerList({ os: 'windows2008r2' }).value, true);
  assert.equal(sendsIssuerList({ os: 'windows2012' }).value, false);
  assert.equal(sendsIssuerList({ os: 'windows2008r2', sendTrustedIssuerListAtStart: 0 }).value, false);
  assert.equal(sendsIssuerList({ os: 'windows2012', sendTrustedIssuerListAtStart: 1 }).value, true);
});

test('the documented threshold: over 120 roots fails only when the list is sent', () => {
  assert.equal(replicationByDocumentedThreshold({ os: 'windows2008r2' }, 120).value, 'succeeds');
  assert.equal(replicationByDocumentedThreshold({ os: 'windows2008r2' }, 121).value, 'fails');
  assert.equal(replicationByDocumentedThreshold({ os: 'windows2012' }, 300).value, 'succeeds');
});

test('the 16 KB rule cuts the list where the next name would pass 16384 bytes', () => {
  assert.deepEqual(issuerListFit([100, 100], 204), { sent: 2, bytes: 204, truncated: false });
  assert.deepEqual(issuerListFit([100, 100], 203), { sent: 1, bytes: 102, truncated: true });
  const sizes = Array.from({ length: 130 }, () => 135);
  assert.equal(issuerListFit(sizes).sent, 119);
  assert.equal(replicationBy16KbRule({ os: 'windows2008r2' }, sizes, 118).value, 'succeeds');
  assert.equal(replicationBy16KbRule({ os: 'windows2008r2' }, sizes, 119).value, 'fails');
  assert.equal(replicationBy16KbRule({ os: 'windows2012' }, sizes, 129).value, 'succeeds');
});

test("a mean name of about 135 bytes gives the notes' 'about 120'; KB931125 adds over 300", () => {
  assert.equal(rootsThatFit(135), 119);
  assert.ok(storeAfterRootUpdate(20).value > 300);
});
